@test.cross-channel-001
Feature: A patient phones the clinic and the receptionist picks up
  On a real phone line the voice service answers first: the clinic's system hears of a call
  when it is asked which receptionist picks up, and from then on every message about the call
  is signed the way the clinic chose (a shared secret, a bearer token, or a time-stamped
  signature). The callers here agree to their calls being kept on record.

  Rule: A patient who phones in is held a time and texted like any caller

    Background:
      Given Premier Cosmetic Surgery takes bookings by phone
      And Maria is a patient of the clinic who agrees to her calls being kept on record

    @criterion.CC-1 @criterion.CC-2 @criterion.CC-3 @critical
    Scenario: A patient phones the clinic, picks a time and hangs up
      Given Maria phones the clinic and picks 10:00 next Tuesday
      When Maria hangs up before confirming
      Then her call is marked as abandoned with the booking incomplete
      And 10:00 next Tuesday is held for her for 30 minutes from the hang-up
      And Maria gets a text with a link to finish booking within 5 seconds of hanging up (10 at worst)
      And her call has moved from in progress to abandoned to follow-up sent, each step recorded

    @criterion.CC-4 @critical
    Scenario: Nothing is lost between the phoned-in call, the clinic's record and the text
      Given Maria phones the clinic and picks 10:00 next Tuesday
      When Maria hangs up before confirming
      Then the clinic's record keeps the start of what she said and why the call ended
      And the record notes 10:00 next Tuesday as the time she had picked
      And the clinic's text history shows the text Maria received, to her number with all but its last 3 digits hidden
      And Maria received exactly one text

    @criterion.CC-2 @criterion.CC-4
    Scenario: A caller the clinic has never heard of still gets the text
      Given Tomasa, whose number the clinic has never had, phones it and picks 10:00 next Tuesday
      When Tomasa hangs up before confirming
      Then Tomasa gets a text with a link to finish booking within 5 seconds of hanging up (10 at worst)
      And the clinic now knows Tomasa's number as a patient without a name, and its text history shows her text

    Scenario: A call to a number the clinic does not own is turned down politely
      When the voice service asks Premier Cosmetic Surgery to answer a number it does not own
      Then the caller is told the number is not in service, and no call is recorded

  Rule: Only a message signed the clinic's way is taken, and only once

    @failure @criterion.ISO-F1 @critical
    Scenario Outline: A first message not signed with the clinic's own <credential> is turned away
      Given Premier Cosmetic Surgery takes bookings by phone on a line that signs with <credential>
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      When Maria's call is announced by a message signed with a key that is not the clinic's
      Then the message is turned away and no call of Maria's is recorded
      And the same message signed rightly starts her call

      Examples:
        | credential               |
        | a shared secret          |
        | a bearer token           |
        | a time-stamped signature |

    @failure @criterion.ISO-F1
    Scenario: A signature made ten minutes ago is turned away
      Given Premier Cosmetic Surgery takes bookings by phone on a line that signs with a time-stamped signature
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      When Maria's call is announced by a message signed ten minutes ago
      Then the message is turned away and no call of Maria's is recorded
      And the same message signed rightly starts her call

    @criterion.ST-2
    Scenario Outline: The same delivery twice starts one call (<credential>)
      Given Premier Cosmetic Surgery takes bookings by phone on a line that signs with <credential>
      And Maria is a patient of the clinic who agrees to her calls being kept on record
      When the first message about Maria's call is delivered twice
      Then the second delivery is <second>, and Maria has one call, in progress, started once

      Examples:
        | credential               | second                  |
        | a shared secret          | taken as a repeat       |
        | a bearer token           | taken as a repeat       |
        | a time-stamped signature | turned away as a replay |

    @criterion.ST-2 @critical
    Scenario Outline: The voice service's first two messages about a new call arrive together (<credential>)
      Given Premier Cosmetic Surgery takes bookings by phone on a line that signs with <credential>
      When the voice service's first two messages about each of 3 calls from Ines, a number the clinic has never had, arrive at the same moment
      Then both messages of each call are answered as usual, and the clinic has one call for each and one new patient for Ines's number

      Examples:
        | credential               |
        | a shared secret          |
        | a time-stamped signature |

  Rule: A message acts only for the clinic whose line it came in on

    Background:
      Given Premier Cosmetic Surgery and Advanced Aesthetic Clinic both take bookings by phone
      And Maria is a patient of Premier Cosmetic Surgery, and agrees to her calls being kept on record

    @failure @criterion.ISO-F1 @critical
    Scenario Outline: A call on Premier's line that names Advanced Aesthetic Clinic <where> changes nothing there
      When Maria phones Premier Cosmetic Surgery and picks 10:00 next Tuesday, every message naming Advanced Aesthetic Clinic <where>
      Then Advanced Aesthetic Clinic's calls, patients, times and texts are as they were
      And Maria's call and her hold on 10:00 next Tuesday are Premier Cosmetic Surgery's

      Examples:
        | where                               |
        | as the voice service's organisation |
        | in the call's details               |
        | in what the receptionist asks for   |
