@test.cross-channel-001
Feature: Cross-channel booking survives its failures
  A text that never goes out, a hang-up that vanishes while the database is down, a
  link that promises a time that is gone: these are where clinics lose patients.
  Whatever fails, the caller's chosen time and words are kept, exactly one text goes
  out, and neither the text nor the link promises a time that is no longer held.

  Background:
    Given Premier Cosmetic Surgery takes bookings by phone
    And Maria is a patient of the clinic who agrees to her calls being kept on record

  Rule: When the text provider refuses, the text waits, is retried, and goes out once

    @failure @criterion.CC-F1 @critical
    Scenario Outline: The text provider refuses at first because <reason>
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      And the text provider will refuse Maria's texts twice because <reason>
      When Maria hangs up before confirming
      Then Maria gets her text once the provider accepts it, and only one
      And her call has moved from abandoned to follow-up waiting to follow-up sent
      And 10:00 next Tuesday is still held for Maria
      And the clinic's record keeps what she said

      Examples:
        | reason                          |
        | the account is over its quota   |
        | the daily text limit is reached |
        | the provider is down            |

    @failure @criterion.CC-F1
    Scenario: The text provider keeps refusing
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      And the text provider will refuse Maria's texts every time because the provider is down
      When Maria hangs up before confirming
      Then staff see that Maria's follow-up text could not be sent
      And her call has moved from abandoned to follow-up waiting to follow-up failed
      And 10:00 next Tuesday is still held for Maria
      And Maria received no text

    @failure @criterion.CC-F1 @criterion.CC-2
    Scenario: The text provider answers slowly
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      And the text provider will take 1.5 seconds to accept Maria's next text
      When Maria hangs up before confirming
      Then Maria gets a text with a link to finish booking within 5 seconds of hanging up (10 at worst)
      And Maria received exactly one text

  Rule: A hang-up that arrives while the database is down, or as it crashes, is not lost

    @failure @criterion.CC-F2 @criterion.CC-6 @embedded-only @serial @critical
    Scenario: The database is down when Maria hangs up, and the hang-up is delivered twice
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      And the clinic's database stops answering
      When the phone line says Maria's call is still in progress
      Then it is told the database cannot be reached, and nothing of it is kept for later
      When Maria hangs up before confirming, and the hang-up is delivered twice
      Then both deliveries are accepted and kept in a form only the system can read
      When the database is back
      Then her call is stored once, as abandoned with the booking incomplete
      And 10:00 next Tuesday is held for her until 30 minutes after she hung up, to the second
      And Maria received exactly one text
      And nothing of her call is left waiting outside the database

    @failure @criterion.CC-F2 @embedded-only @serial
    Scenario: The database is down when a long call in Japanese ends, its transcript just under the longest the system takes
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      And the clinic's database stops answering
      When Maria hangs up before confirming after a call in Japanese so long that its transcript is just under the longest the system takes
      Then it is accepted and kept in a form only the system can read
      When the database is back
      Then her call is stored once, as abandoned with the booking incomplete
      And nothing of her call is left waiting outside the database

    @failure @criterion.CC-F2 @criterion.CC-6 @embedded-only @serial @critical
    Scenario: The database is down when a caller hangs up on a line that signs with a time-stamped signature
      Given Advanced Aesthetic Clinic takes bookings by phone on a line that signs with a time-stamped signature
      And calls have come in on more of Advanced Aesthetic Clinic's numbers than its system remembers for when the database is down
      And Ines is a patient of Advanced Aesthetic Clinic, and agrees to her calls being kept on record
      And Ines is booking by phone and has picked 10:00 next Tuesday
      And the clinic's database stops answering
      When Ines hangs up before confirming, and the hang-up is delivered twice
      Then both deliveries are accepted and kept in a form only the system can read
      When the database is back
      Then her call is stored once, as abandoned with the booking incomplete
      And 10:00 next Tuesday is held for her until 30 minutes after she hung up, to the second
      And Ines received exactly one text
      And nothing of her call is left waiting outside the database

    @failure @criterion.CC-F2 @criterion.ST-2 @embedded-only @serial
    Scenario: The very same signed hang-up sent again is turned away as a replay, while the database is down and after a restart
      Given Advanced Aesthetic Clinic takes bookings by phone on a line that signs with a time-stamped signature
      And Ines is a patient of Advanced Aesthetic Clinic, and agrees to her calls being kept on record
      And Ines is booking by phone and has picked 10:00 next Tuesday
      And the clinic's database stops answering
      When Ines hangs up before confirming, and the very same signed hang-up is sent again
      Then the first is accepted and kept in a form only the system can read, and the second is turned away as a replay
      When the database is back
      Then her call is stored once, as abandoned with the booking incomplete
      And Ines received exactly one text
      And nothing of her call is left waiting outside the database
      When the clinic's system restarts, and the very same signed hang-up is sent once more
      Then it is turned away as a replay

    @failure @criterion.CC-F2 @embedded-only @serial
    Scenario: A hang-up signed with a secret the clinic never gave, kept while the database was down, is thrown away unstored
      Given Premier Cosmetic Surgery takes bookings by phone
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      And Maria is booking by phone and has picked 10:00 next Tuesday
      And the clinic's database stops answering
      When a hang-up report for Maria's call arrives signed with a secret the clinic never gave
      Then it is accepted and kept in a form only the system can read
      When the database is back
      Then nothing of her call is left waiting outside the database
      And Maria's call is still in progress, with 10:00 next Tuesday held
      And Maria received no text

    @failure @criterion.CC-F2 @embedded-only @serial @critical
    Scenario: The database crashes while 20 callers hang up, and is started again
      Given 20 callers are booking by phone and have each picked a time
      When they hang up while the clinic's database crashes and is started again
      Then every one of the 20 hang-ups is accepted, none refused
      And every one of the 20 calls is stored once, as abandoned with the booking incomplete
      And each caller's time is held for 30 minutes from their own hang-up
      And each of the 20 callers received exactly one text, as the clinic's record shows it
      And the time another caller booked just before the crash is still booked
      And a caller still on the line during the crash hears "I'm having trouble reaching the diary right now. I'll text you a link to finish booking."
      And nothing of their calls is left waiting outside the database

    @failure @criterion.CC-F2 @embedded-only @serial
    Scenario: The clinic's system crashes while Maria's text is being sent
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      And the text provider will take 10 seconds to accept Maria's next text
      When Maria hangs up before confirming, and the clinic's system crashes while her text is being sent
      Then staff see that nobody knows whether Maria's text reached her
      And her call is still marked as abandoned
      And Maria's text is not sent again

  Rule: The hold runs from the hang-up, however late the report of it arrives

    @failure @criterion.CC-6 @criterion.CC-3 @critical
    Scenario: The report of Maria's hang-up arrives 7 minutes after she hung up
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      When Maria hangs up before confirming, and the report of it arrives 7 minutes later
      Then her call is marked as abandoned with the booking incomplete
      And 10:00 next Tuesday is held for her until 30 minutes after she hung up, to the second
      And Maria received exactly one text

  Rule: Neither the text nor the link promises a time that is no longer held

    @failure @criterion.CC-F3 @critical
    Scenario: The hold ends before the text goes out
      Given Maria is booking by phone and has picked 10:00 next Tuesday
      And the text provider will refuse Maria's texts four times because the account is over its quota
      When Maria hangs up before confirming
      And her hold on 10:00 next Tuesday ends while her text is still waiting
      Then Maria's text invites her to pick a time and does not promise 10:00 next Tuesday
      And the link in her text says the time is no longer held

    @failure @criterion.CC-F4 @critical
    Scenario: The link is opened after the hold has ended
      Given Maria hung up after picking 10:00 next Tuesday and was sent a text
      And her hold on 10:00 next Tuesday has ended
      When Maria opens the link in her text
      Then she is told 10:00 next Tuesday is no longer held for her
      And she is offered times that are really free, 10:00 next Tuesday first as nobody has taken it
      And she can book 10:00 next Tuesday from the link all the same

    @failure @criterion.CC-F4
    Scenario: Another caller took the time after the hold ended
      Given Maria hung up after picking 10:00 next Tuesday and was sent a text
      And her hold on 10:00 next Tuesday has ended
      And another caller has booked 10:00 next Tuesday
      When Maria opens the link in her text
      Then she is told 10:00 next Tuesday is no longer held for her
      And she is offered times that are really free, without 10:00 next Tuesday
      And she can book the first time offered from the link
