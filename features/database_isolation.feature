@test.clinic-isolation-004 @database
Feature: The clinic's database keeps clinics apart by itself
  Whatever the service in front of it does, the database's own rules must keep one clinic's
  rows away from another clinic's users. These scenarios need only the database: they run on
  the reference system's, and on any team's migrations loaded into a fresh PostgreSQL.

  Background:
    Given the clinic database has two clinics, Premier Cosmetic Surgery and Advanced Aesthetic Clinic, each with a row in every table that holds a clinic's data

  @criterion.ISO-4 @criterion.ISO-6 @critical
  Scenario: Acting for one clinic, its users reach none of the other clinic's rows
    When Premier Cosmetic Surgery's own users, in the database, try every table that holds Advanced Aesthetic Clinic's data
    Then no table shows, changes or takes a row of Advanced Aesthetic Clinic
    And acting for Advanced Aesthetic Clinic, every table reaches its own rows

  @criterion.ISO-6
  Scenario: No rule of the clinic's database opens one clinic's data wider
    Then no table has a second open rule, a rule that lets every row through, or a grant to everybody
    And every function that can look past the clinic rules is one the design allows, and nobody but the service may run it
