@test.cross-channel-001
Feature: The link in the text opens a page a patient can use on a phone
  The patient who hung up taps the link in the clinic's text on a phone. The page names the
  clinic, says which time is held and until when, in the clinic's own time (wherever the
  clinic is), and books it with one tap. Nothing on it comes from outside the clinic's system,
  it can be used with a screen reader or a keyboard, and a link the clinic did not send shows
  only that it is not valid.

  Rule: The page says what is held, in the clinic's own time, with one button to book it

    @criterion.CC-8 @criterion.CC-5 @critical
    Scenario Outline: Maria opens her link from <clinic> on her phone
      Given <clinic> takes bookings by phone
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      And Maria hung up after picking 10:00 next Tuesday and was sent a text
      When Maria opens the link in her text
      Then the page names <clinic> and says 10:00 next Tuesday is held for her until 30 minutes after she hung up, in the clinic's own time
      And the page offers one button, to book 10:00 next Tuesday
      And the page has no serious accessibility problems and loads nothing from outside the clinic's system
      And she can book it from the link without choosing a time again
      And 10:00 next Tuesday is booked for Maria, once

      Examples:
        | clinic                      |
        | Premier Cosmetic Surgery    |
        | Harbourside Cosmetic Clinic |

    @criterion.CC-8 @criterion.CC-F4
    Scenario: Once the hold has ended, the page offers the free times as buttons
      Given Harbourside Cosmetic Clinic takes bookings by phone
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      And Maria hung up after picking 10:00 next Tuesday and was sent a text
      And her hold on 10:00 next Tuesday has ended
      When Maria opens the link in her text
      Then she is told 10:00 next Tuesday is no longer held for her
      And she is offered times that are really free, 10:00 next Tuesday first as nobody has taken it
      And the page has no serious accessibility problems and loads nothing from outside the clinic's system
      And she can book 10:00 next Tuesday from the link all the same

  Rule: The page books nothing it was not asked to by the patient

    @criterion.CC-8 @failure @critical
    Scenario: A booking form sent from another website books nothing
      Given Premier Cosmetic Surgery takes bookings by phone
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      And Maria hung up after picking 10:00 next Tuesday and was sent a text
      When another website sends Maria's booking form without her page
      Then it is turned away with a plain page that books nothing
      And 10:00 next Tuesday is still held for Maria

    @criterion.CC-8 @criterion.ST-1
    Scenario: Tapping book, then sending the same confirmation again, books once
      Given Premier Cosmetic Surgery takes bookings by phone
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      And Maria hung up after picking 10:00 next Tuesday and was sent a text
      When Maria books her held time from the link in her text
      And her confirmation is sent again
      Then the page says the booking is already complete
      And 10:00 next Tuesday is booked for Maria, once

    @criterion.CC-8 @criterion.CC-F4
    Scenario: A time another caller takes while Maria's page is open is not booked for her, and she is told
      Given Harbourside Cosmetic Clinic takes bookings by phone
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      And Maria hung up after picking 10:00 next Tuesday and was sent a text
      And her hold on 10:00 next Tuesday has ended
      When Maria opens the link in her text
      And another caller books 10:00 next Tuesday
      And Maria taps 10:00 next Tuesday on her page
      Then the page says that time could not be booked, and offers the times still free, without 10:00 next Tuesday
      And 10:00 next Tuesday is booked once, not for Maria

    @criterion.CC-8 @failure
    Scenario Outline: Maria's booking form arrives with <instead> in place of the time: turned away as <verdict>
      Given Premier Cosmetic Surgery takes bookings by phone
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      And Maria hung up after picking 10:00 next Tuesday and was sent a text
      When Maria's booking form is sent from her page with <instead> in place of the time
      Then the page turns it away as <verdict>, saying the link is not valid
      And 10:00 next Tuesday is still held for Maria

      Examples:
        | instead                           | verdict                |
        | 40 characters that are not a time | a time it cannot read  |
        | 41 characters                     | a form it did not send |

  Rule: A link the clinic did not send shows only that it is not valid

    @criterion.CC-8 @criterion.CC-F5 @failure
    Scenario Outline: Someone opens Maria's link <broken>
      Given Premier Cosmetic Surgery takes bookings by phone
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      And Maria hung up after picking 10:00 next Tuesday and was sent a text
      When someone opens her link <broken>
      Then they are turned away without learning anything about the call
      And the page has no serious accessibility problems and loads nothing from outside the clinic's system
      And 10:00 next Tuesday is still held for Maria

      Examples:
        | broken                                     |
        | with no code                               |
        | with its code cut short                    |
        | with its code twice                        |
        | for a call that does not exist             |
        | with its signature altered                 |
