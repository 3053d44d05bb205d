@test.cross-channel-001
Feature: A caller who hangs up mid-booking gets a text to finish
  So that no patient is lost when a call drops, the receptionist holds the time
  they picked for 30 minutes and texts them a link to finish booking.
  The callers here agree to their calls being kept on record, so the clinic's
  record keeps what they said.

  Background:
    Given Premier Cosmetic Surgery takes bookings by phone
    And Maria is a patient of the clinic who agrees to her calls being kept on record

  Rule: A dropped call keeps its booking context and follows up by text

    @criterion.CC-1 @criterion.CC-2 @criterion.CC-3 @critical
    Scenario Outline: The caller hangs up after choosing a time (<report> hang-up report)
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      When Maria hangs up before confirming, and the hang-up arrives in <report> format
      Then her call is marked as abandoned with the booking incomplete
      And 10:00 next Tuesday is held for her for 30 minutes from the hang-up
      And Maria gets a text with a link to finish booking within 5 seconds of hanging up (10 at worst)
      And her call has moved from in progress to abandoned to follow-up sent, each step recorded

      Examples:
        | report     |
        | Vapi       |
        | the plan's |

    @criterion.CC-4 @critical
    Scenario: Nothing is lost between the call, the clinic's record and the text
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      When Maria hangs up before confirming
      Then the clinic's record keeps the start of what she said and why the call ended
      And the record notes 10:00 next Tuesday as the time she had picked
      And the clinic's text history shows the text Maria received, to her number with all but its last 3 digits hidden
      And Maria received exactly one text

    @criterion.CC-4
    Scenario: Asking for the follow-up again does not send a second text
      Given Maria hung up after picking 10:00 next Tuesday and was sent a text
      When the clinic asks for her follow-up text to be sent again
      Then the clinic is shown the text that was already sent
      And Maria received exactly one text

  Rule: The link in the text finishes the booking the caller started

    @criterion.CC-5 @critical
    Scenario: The link resumes the booking without choosing a time again
      Given Maria hung up after picking 10:00 next Tuesday and was sent a text
      When Maria opens the link in her text
      Then she sees that 10:00 next Tuesday is still held for her
      And she can book it from the link without choosing a time again
      And 10:00 next Tuesday is booked for Maria, once
      And her call has moved from follow-up sent to booked

    @failure @criterion.CC-F5 @critical
    Scenario Outline: A link that was not sent by the clinic is refused (<tampering>)
      Given Maria hung up after picking 10:00 next Tuesday and was sent a text
      When someone opens her link with <tampering>
      Then they are turned away without learning anything about the call
      And 10:00 next Tuesday is still held for Maria

      Examples:
        | tampering                           |
        | its signature altered               |
        | a signature made up by a stranger   |
        | the code of another patient's link  |
