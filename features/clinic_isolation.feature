@test.clinic-isolation-004
Feature: One clinic's patients, doctors, calls and texts are invisible to another
  The same receptionist serves many clinics. Premier Cosmetic Surgery must never see,
  change or speak of Advanced Aesthetic Clinic's patients, doctors, calls or texts, and
  the proof comes from the database's own rules, not only from the service's care.
  Every refusal is checked beside its control: the same request made by the rightful
  clinic succeeds.

  Background:
    Given Premier Cosmetic Surgery and Advanced Aesthetic Clinic both take bookings by phone on lines that sign with a time-stamped signature
    And each clinic has a patient who hung up mid-booking and was sent a text

  Rule: The receptionist only speaks of its own clinic's doctors

    @criterion.ISO-2 @criterion.ISO-1 @critical
    Scenario: A caller to Premier asks for Advanced Aesthetic's Dr. Johnson
      When a caller on Premier Cosmetic Surgery's line asks for Dr. Johnson
      Then the receptionist answers "We don't have Dr. Johnson available. Our specialist is Dr. Sarah. Would you like to schedule with her?"
      And nothing about Advanced Aesthetic Clinic reaches the answer

    @criterion.ISO-2
    Scenario: A caller to Premier asks for Dr. Sarah
      When a caller on Premier Cosmetic Surgery's line asks for Dr. Sarah
      Then the receptionist answers "Dr. Sarah is our Dermatology specialist. Would you like to schedule with her?"

    @criterion.ISO-1
    Scenario: Each clinic's staff see only their own doctors
      When each clinic's staff list their clinic's doctors
      Then Premier Cosmetic Surgery sees only Dr. Sarah and Advanced Aesthetic Clinic sees only Dr. Johnson

  Rule: Each clinic's knowledge base answers only from its own documents

    @criterion.ISO-3 @critical
    Scenario: Premier is asked about rhinoplasty, which only Advanced Aesthetic's list covers
      Given Premier Cosmetic Surgery has uploaded its procedure list "dermatology-procedures.pdf"
      And Advanced Aesthetic Clinic has uploaded its procedure list "surgical-procedures.pdf"
      When a caller asks Premier Cosmetic Surgery's receptionist "What's your recovery time for rhinoplasty?"
      Then the receptionist answers "I don't have specific information about that procedure."
      And nothing from Advanced Aesthetic Clinic's list reaches the answer
      But asked the same, Advanced Aesthetic Clinic's receptionist answers from its own list, quoting "3-4 weeks"

  Rule: One clinic's credentials never act for another clinic

    @criterion.ISO-F1 @criterion.ISO-1 @criterion.ISO-5 @critical
    Scenario Outline: Premier's credentials are used to <attempt> of Advanced Aesthetic Clinic
      When Premier Cosmetic Surgery's credentials are used to <attempt> of Advanced Aesthetic Clinic
      Then the attempt is turned away as <refusal>, revealing nothing
      And nothing of Advanced Aesthetic Clinic's data has changed
      And the attempt is written to Advanced Aesthetic Clinic's audit log
      And Advanced Aesthetic Clinic's own credentials can do the same

      Examples:
        | attempt                                       | refusal   |
        | list its doctors                              | forbidden |
        | see its free times                            | forbidden |
        | act in its name                               | forbidden |
        | read its patient's call                       | not found |
        | read its patient's texts                      | not found |
        | send its patient's follow-up text again       | not found |
        | book a time for its patient                   | not found |
        | start a call for its patient                  | not found |
        | end its patient's call through the voice line | not found |

  Rule: The database itself keeps the clinics apart, whatever the service asks

    @criterion.ISO-4 @criterion.ISO-1 @needs-service-database @critical
    Scenario Outline: Acting for Premier, the service's database account cannot <action> Advanced Aesthetic's <table>
      When the service's own database account, acting for Premier Cosmetic Surgery, tries to <action> Advanced Aesthetic Clinic's <table>
      Then the database <outcome>
      And acting for Advanced Aesthetic Clinic, the same statement does reach its <table>

      Examples:
        | action | table               | outcome                 |
        | read   | calls               | shows none of them      |
        | read   | patients            | shows none of them      |
        | read   | doctors             | shows none of them      |
        | read   | sms_messages        | shows none of them      |
        | read   | appointment_slots   | shows none of them      |
        | read   | call_status_history | shows none of them      |
        | read   | audit_log           | shows none of them      |
        | read   | clinics             | shows none of them      |
        | change | calls               | changes none of them    |
        | change | appointment_slots   | changes none of them    |
        | change | sms_messages        | changes none of them    |
        | add to | calls               | refuses the new row     |
        | add to | patients            | refuses the new row     |
        | add to | audit_log           | refuses the new row     |

    @criterion.ISO-4 @needs-service-database
    Scenario: Every table that holds a clinic's data is guarded by the database
      Then every table with a clinic column has its clinic rule switched on and enforced
      And the service's database account owns none of them and cannot bypass the rules

    @criterion.ISO-5 @needs-service-database
    Scenario: A refused write is written to the log of the clinic it aimed at, and only that clinic reads it
      When the service's own database account, acting for Premier Cosmetic Surgery, tries to add to Advanced Aesthetic Clinic's calls
      And the refusal is written to Advanced Aesthetic Clinic's audit log
      Then Advanced Aesthetic Clinic can read that entry and Premier Cosmetic Surgery cannot
      And the audit log takes nothing from one clinic about another but refusals, kept short

  Rule: The database keeps every clinic table apart, found from its own catalogue

    @criterion.ISO-6 @criterion.ISO-4 @needs-service-database @critical
    Scenario: Every table that holds a clinic's data refuses the other clinic
      Given Premier Cosmetic Surgery has uploaded its procedure list "dermatology-procedures.pdf"
      And Advanced Aesthetic Clinic has uploaded its procedure list "surgical-procedures.pdf"
      When the service's own database account, acting for Premier Cosmetic Surgery, tries every table that holds Advanced Aesthetic Clinic's data
      Then no table shows, changes or takes a row of Advanced Aesthetic Clinic
      And acting for Advanced Aesthetic Clinic, every table reaches its own rows

    @criterion.ISO-6 @needs-service-database
    Scenario: No rule of the database opens one clinic's data wider
      Then no table has a second open rule, a rule that lets every row through, or a grant to everybody
      And every function that can look past the clinic rules is one the design allows, and nobody but the service may run it
