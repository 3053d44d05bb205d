@test.atomic-collision-002
Feature: Exactly one caller gets a time, however many ask for it at once
  A double booking is the worst thing a receptionist can do, and it only shows up when
  callers ask at the same moment. Whoever is first gets the time; everyone else hears
  an apology and times that are really free, quickly enough to keep the conversation going.

  Background:
    Given Premier Cosmetic Surgery takes bookings by phone

  Rule: Of callers asking for the same time at once, exactly one gets it

    @criterion.AC-1 @criterion.AC-2 @criterion.AC-3 @criterion.AC-4 @criterion.AC-5 @criterion.AC-6 @critical
    Scenario: Five callers ask for 10:00 next Tuesday at the same moment
      Given 9:30 and 10:30 next Tuesday are already booked
      And 5 callers are on the phone, each about to book 10:00 next Tuesday
      When all 5 ask for 10:00 next Tuesday at the same moment
      Then exactly one of them is booked for 10:00 next Tuesday
      And the other 4 are told the slot was already claimed
      And the receptionist apologises to each of the 4 and offers a time that is really free
      And those alternatives reach them within 2 seconds (5 at worst)
      And every caller had an answer within 500 milliseconds
      And the clinic's diary holds exactly one booking for 10:00 next Tuesday

    @criterion.AC-1 @criterion.AC-4 @criterion.AC-5
    Scenario: Five callers ask the voice receptionist for the same time at once
      Given 9:30 and 10:30 next Tuesday are already booked
      And 5 callers are on the phone, each about to book 10:00 next Tuesday
      When all 5 ask the receptionist for 10:00 next Tuesday at the same moment
      Then the receptionist confirms the booking to exactly one of them
      And the receptionist apologises to each of the 4 and offers a time that is really free
      And those alternatives reach them within 2 seconds (5 at worst)
      And the clinic's diary holds exactly one booking for 10:00 next Tuesday

    @stress @criterion.AC-S1 @criterion.AC-1 @criterion.AC-2 @criterion.AC-3 @criterion.AC-4 @criterion.AC-6
    Scenario Outline: <callers> callers ask for the same time at once
      Given <callers> callers are on the phone, each about to book 10:00 next Tuesday
      When all <callers> ask for 10:00 next Tuesday at the same moment
      Then exactly one of them is booked for 10:00 next Tuesday
      And the other <others> are told the slot was already claimed
      And the receptionist apologises to each of the <others> and offers a time that is really free
      And the slowest 5% of answers came within 5 seconds (target: 500 milliseconds)
      And the clinic's diary holds exactly one booking for 10:00 next Tuesday

      Examples:
        | callers | others |
        | 10      | 9      |
        | 50      | 49     |
        | 100     | 99     |

  Rule: Callers asking for different times at once each leave one booking per time

    @stress @criterion.AC-S2 @criterion.AC-3
    Scenario: Fifteen callers ask for 10:00, 14:00 and 16:00 next Tuesday at once
      Given 15 callers are on the phone, 5 each about to book 10:00, 14:00 and 16:00 next Tuesday
      When all 15 ask for their time at the same moment
      Then each of 10:00, 14:00 and 16:00 next Tuesday is booked for exactly one of them
      And the other 12 are told the slot was already claimed
      And the clinic's diary holds exactly one booking for each of 10:00, 14:00 and 16:00 next Tuesday

  Rule: A booked time stays booked once, however it is asked for again

    @criterion.AC-7 @criterion.AC-2 @critical
    Scenario: A caller asks for a time that is already booked
      Given 10:00 next Tuesday is already booked
      And a caller is on the phone, about to book 10:00 next Tuesday
      When the caller asks for 10:00 next Tuesday
      Then the caller is told the slot was already claimed
      And the clinic's diary holds exactly one booking for 10:00 next Tuesday

    @criterion.AC-7 @criterion.AC-1 @needs-service-database
    Scenario Outline: <sessions> claims on one time arrive at once through database sessions in different time zones
      When <sessions> claims on 10:00 next Tuesday arrive at the same moment, each session set to its own time zone
      Then exactly one claim holds the time, whatever each session's time zone
      And the clinic's diary holds exactly one booking for 10:00 next Tuesday

      Examples:
        | sessions |
        | 6        |
        | 24       |
