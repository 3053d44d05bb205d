@test.state-006 @database @needs-status-rule
Feature: The clinic's database itself keeps a call to the receptionist's steps
  Whatever writes to it, the database refuses a call's move that the design does not allow,
  and lets through one it does: the rule lives where no service can forget it.

  Background:
    Given the clinic database has two clinics, Premier Cosmetic Surgery and Advanced Aesthetic Clinic, each with a row in every table that holds a clinic's data

  @criterion.ST-1
  Scenario: A move the design does not allow is refused by the database, an allowed one is not
    When a user of Premier Cosmetic Surgery moves one of its calls along a step the design does not allow
    Then the clinic's database refuses that move
    And the same user may move it along a step the design allows
