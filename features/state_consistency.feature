@test.state-006
Feature: A call's state stays consistent whatever arrives, twice, together or late
  The phone line, the text provider and the link all change a call. A call only moves
  along the receptionist's steps (in progress, then abandoned or booked or completed;
  follow-up waiting, sent or failed; booked from the link), every move is recorded, and
  a message that arrives twice, at the same moment or late has one effect.

  Background:
    Given Premier Cosmetic Surgery takes bookings by phone
    And Maria is a patient of the clinic who agrees to her calls being kept on record

  Rule: A call only moves along the receptionist's steps, and every move is recorded

    @criterion.ST-1 @critical
    Scenario: No follow-up text for a call that was not abandoned
      Given Maria called and hung up without choosing a time
      When the clinic asks for her follow-up text to be sent again
      Then the request is refused because the call was not abandoned
      And Maria received no text
      And her call has moved from in progress to completed

    @criterion.ST-1
    Scenario: A booking finished from the link cannot be finished twice
      Given Maria hung up after picking 10:00 next Tuesday and was sent a text
      And she has booked it from the link
      When she tries to book again from the same link
      Then she is told the booking is already complete
      And 10:00 next Tuesday is booked for Maria, once

    @criterion.ST-1
    Scenario: Nobody can take a time another caller is holding
      Given Maria hung up after picking 10:00 next Tuesday and was sent a text
      And Ana is a patient of the clinic who agrees to her calls being kept on record
      And Ana is on the phone with the clinic
      When Ana asks the receptionist for 10:00 next Tuesday
      Then the receptionist tells Ana the slot was just taken and offers another time
      And 10:00 next Tuesday is still held for Maria

    @criterion.ST-1 @needs-service-database
    Scenario: Even a change made directly in the database cannot skip a step
      Given Maria hung up after picking 10:00 next Tuesday and was sent a text
      When the service's database account tries to mark Maria's call as completed
      Then the move is refused by the database itself
      And her call has moved from in progress to abandoned to follow-up sent, each step recorded

  Rule: Messages that arrive twice, at the same moment or late, have one effect

    @criterion.ST-2 @critical
    Scenario: The hang-up report arrives twice at the same moment
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      When the hang-up report for Maria's call arrives twice at the same moment
      Then both deliveries are answered, one of them as a repeat
      And her call has moved from in progress to abandoned to follow-up sent, each step recorded
      And Maria received exactly one text

    @criterion.ST-2
    Scenario: A late notice that the call ended changes nothing
      Given Maria hung up after picking 10:00 next Tuesday and was sent a text
      When a late notice that Maria's call ended arrives
      Then her call has moved from in progress to abandoned to follow-up sent, each step recorded
      And 10:00 next Tuesday is still held for Maria

    @criterion.ST-2
    Scenario: The same booking request from the voice line reaches the system twice at the same moment
      Given Maria is on the phone with the clinic
      When her request to book 10:00 next Tuesday reaches the system twice at the same moment
      Then both are answered with the same confirmation
      And 10:00 next Tuesday is booked for Maria, once

    @criterion.ST-2 @needs-provider-token
    Scenario: The provider's delivery reports arrive twice, and a late one after them
      Given Maria hung up after picking 10:00 next Tuesday and was sent a text
      And the provider has reported Maria's text delivered
      When the provider's report that it was delivered arrives again, followed by a late report that it was sent
      Then the clinic still sees Maria's text as delivered
      And her call has moved from abandoned to follow-up sent

    @criterion.ST-2 @needs-provider-token
    Scenario: The provider reports Maria's text delivered before it has answered the send
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      And the text provider will report Maria's next text delivered before it answers the send
      When Maria hangs up before confirming
      Then Maria gets a text with a link to finish booking within 5 seconds of hanging up (10 at worst)
      And the provider's reports on it, sent before its answer to the send, were each taken
      And the clinic still sees Maria's text as delivered
      And her call has moved from abandoned to follow-up sent

  Rule: Different messages about one call each take their own effect; only the same message again is a repeat

    @criterion.ST-3 @critical
    Scenario: A status update, a choice of time and the hang-up about one call each take effect
      Given Maria is on the phone with the clinic
      And the phone line has reported that Maria's call is in progress
      When Maria chooses 10:00 next Tuesday and the call then drops before she confirms
      Then 10:00 next Tuesday is held for her for 30 minutes from the hang-up
      And her call has moved from in progress to abandoned to follow-up sent, each step recorded
      And Maria received exactly one text

    @criterion.ST-3
    Scenario: Maria changes her mind: a second choice is not a repeat of the first
      Given Maria is on the phone with the clinic
      When Maria picks 10:00 next Tuesday, her choice reaches the system again, and then she picks 11:00 next Tuesday
      Then the repeated choice was answered as the first one was
      And Maria now holds 11:00 next Tuesday
      And 10:00 next Tuesday is free again for other callers

  Rule: Messages that do not come from the provider or the phone line are ignored

    @criterion.ST-2 @critical
    Scenario: A forged delivery report is ignored
      Given Maria hung up after picking 10:00 next Tuesday and was sent a text
      And the provider has reported Maria's text delivered
      When someone who is not the provider reports that Maria's text was not delivered
      Then the report is turned away
      And the clinic still sees Maria's text as delivered

    @criterion.ST-2
    Scenario: A hang-up report without the clinic's secret is ignored
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      When a hang-up report for Maria's call arrives without the clinic's secret
      Then the report is turned away
      And Maria's call is still in progress, with 10:00 next Tuesday held
