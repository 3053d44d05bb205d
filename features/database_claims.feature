@test.atomic-collision-002 @database
Feature: The clinic's database gives a time to exactly one claim, whoever asks and however
  Claims reach the database through its own way of claiming a time (the reference system's
  booking row, or a team's claim function). However many arrive at once, and from sessions
  in whatever time zone, exactly one holds the time.

  Background:
    Given the clinic database has two clinics, Premier Cosmetic Surgery and Advanced Aesthetic Clinic, each with a row in every table that holds a clinic's data

  Rule: Of claims on one time at once, exactly one holds it

    @criterion.AC-1 @criterion.AC-3 @criterion.AC-S1 @critical
    Scenario Outline: <claims> claims on 10:00 next Tuesday reach the clinic's database at the same moment
      When <claims> claims on 10:00 next Tuesday arrive at the same moment, each session set to its own time zone
      Then exactly one claim holds the time, whatever each session's time zone
      And the clinic's database holds exactly one booking for 10:00 next Tuesday

      Examples:
        | claims |
        | 5      |
        | 10     |
        | 50     |
        | 100    |

    @criterion.AC-7
    Scenario: A time already booked is claimed again
      Given 10:00 next Tuesday is booked in the clinic's database
      When another claim on 10:00 next Tuesday reaches the clinic's database
      Then that claim is refused
      And the clinic's database holds exactly one booking for 10:00 next Tuesday
