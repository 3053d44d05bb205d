@test.cross-channel-001
Feature: Every time the receptionist says or texts is in the clinic's own time
  A clinic in Sydney or Los Angeles is many hours from London and from UTC, and its clocks
  change for daylight saving on its own dates. Whatever the receptionist says on the phone,
  the times it offers when one is taken, the text after a dropped call and the page behind its
  link all name times as the clinic's own clock shows them: 10:00 is 10:00 in the clinic, the
  week after its clocks change as much as next week.

  Rule: The caller hears and reads the time she asked for on the clinic's own clock

    @criterion.CC-7 @critical
    Scenario Outline: Maria asks <clinic> for <time> and hears it on the clinic's clock
      Given <clinic> takes bookings by phone up to a year ahead
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      And Maria is on the phone with the clinic
      When Maria asks the receptionist for <time>
      Then the receptionist tells her <time> is reserved for her, in the clinic's own time
      And the clinic's diary holds <time> at that hour of the clinic's own clock

      Examples:
        | clinic                      | time                                              |
        | Harbourside Cosmetic Clinic | 10:00 next Tuesday                                |
        | Harbourside Cosmetic Clinic | 10:00 on the first Tuesday after the clocks change |
        | Golden Hour Aesthetics      | 10:00 next Tuesday                                |
        | Golden Hour Aesthetics      | 10:00 on the first Tuesday after the clocks change |

    @criterion.CC-7 @critical
    Scenario Outline: Maria hangs up after picking <time> with <clinic>: her text and her page say it on the clinic's clock
      Given <clinic> takes bookings by phone up to a year ahead
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      And Maria is booking by phone and has picked <time>
      When Maria hangs up before confirming
      Then <time> is held for her for 30 minutes from the hang-up
      And the record notes <time> as the time she had picked
      And Maria's text says <time> is held for her until 30 minutes after she hung up, in the clinic's own time
      When Maria opens the link in her text
      Then the page names <clinic> and says <time> is held for her until 30 minutes after she hung up, in the clinic's own time
      And she sees that <time> is still held for her

      Examples:
        | clinic                      | time                                              |
        | Harbourside Cosmetic Clinic | 10:00 next Tuesday                                |
        | Harbourside Cosmetic Clinic | 10:00 on the first Tuesday after the clocks change |
        | Golden Hour Aesthetics      | 10:00 on the first Tuesday after the clocks change |

  Rule: The times offered instead of a taken one are on the clinic's own clock

    @criterion.CC-7
    Scenario Outline: <time> is taken at <clinic>, and the receptionist offers 9:30 that day
      Given <clinic> takes bookings by phone up to a year ahead
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      And another patient has already booked <time>
      And Maria is on the phone with the clinic
      When Maria asks the receptionist for <time>
      Then the receptionist apologises and offers 9:30 the same day instead of <time>, in the clinic's own time
      And every other time the clinic offers Maria for <time> is free and named in the clinic's own time

      Examples:
        | clinic                      | time                                              |
        | Harbourside Cosmetic Clinic | 10:00 next Tuesday                                |
        | Harbourside Cosmetic Clinic | 10:00 on the first Tuesday after the clocks change |
        | Golden Hour Aesthetics      | 10:00 on the first Tuesday after the clocks change |

  Rule: A clinic takes bookings up to 56 days ahead, unless it chose another limit when it was set up

    @criterion.CC-7
    Scenario Outline: The last time within <days> days can be booked, the first time after them cannot
      Given Golden Hour Aesthetics <takes bookings>
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      When Maria asks to book the last time the clinic offers within <days> days, and the first time after them
      Then she is booked for the first, in the clinic's own time
      And the second is refused as too far ahead, and nothing is held or booked for it

      Examples:
        | takes bookings                               | days |
        | takes bookings by phone                      | 56   |
        | takes bookings by phone up to 90 days ahead  | 90   |
