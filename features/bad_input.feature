@test.state-006 @limits
Feature: A message the clinic's system cannot use is refused plainly and changes nothing
  The phone line and the clinic's own software sometimes send messages that are malformed:
  a list that is empty or not a list, a call length below zero, a transcript that is not
  text, a report nested absurdly deep, a question for an address that does not exist.
  Each is refused with a 4xx answer carrying the error and the reason, never a server error,
  and nothing about the call is stored, held or texted because of it.

  Background:
    Given Premier Cosmetic Surgery takes bookings by phone
    And Maria is a patient of the clinic who agrees to her calls being kept on record
    And Maria is on the phone with the clinic

  Rule: The phone line's messages must have Vapi's shape

    Scenario Outline: The phone line sends <message>
      When the phone line sends <message> about Maria's call
      Then it is refused as <status> with the reason in the contract's error body
      And nothing is held for Maria and her call is not ended
      And her call has moved from in progress
      And Maria received no text

      Examples:
        | message                                              | status |
        | a question with no list of tool calls                | 422    |
        | a question with an empty list of tool calls          | 422    |
        | a question whose list of tool calls is a number      | 422    |
        | twenty-one questions in one message                  | 422    |
        | a hang-up report with a negative call length         | 422    |
        | a hang-up report whose call length is not a number   | 422    |
        | a hang-up report whose transcript is not text        | 422    |
        | a hang-up report nested 100 levels deep              | 422    |
        | a hang-up report of two megabytes                    | 413    |
        | a hang-up report of two megabytes, sent in pieces without saying its length | 413 |

    Scenario: A call the phone line starts without the caller's number is not made
      When the phone line says a call it has just started is in progress, without the caller's number
      Then it is refused as 404 with the reason in the contract's error body
      And no call is made for it

    Scenario Outline: The phone line asks who answers a call whose id has <length> characters: <made>
      When the phone line asks who answers a call it has just started, its id <length> characters long
      Then the clinic's own receptionist answers it
      And <made>

      Examples:
        | length | made                          |
        | 0      | no call is made for it        |
        | 200    | the call is made, in progress |
        | 201    | no call is made for it        |

    Scenario: Twenty questions in one message are each answered
      When the phone line asks 20 questions in one message about Maria's call
      Then each of the 20 questions gets its own answer

  Rule: The clinic's software gets a plain refusal for a request it got wrong

    Scenario Outline: The clinic's software sends <request>
      When the clinic's software sends <request>
      Then it is refused as <status> with the reason in the contract's error body
      And nothing is held for Maria and her call is not ended

      Examples:
        | request                                     | status |
        | the text history asking for no messages     | 422    |
        | the text history asking for 101 messages    | 422    |
        | a claim for a time that is not a time       | 422    |
        | a clinic set up in a time zone that does not exist | 422 |
        | a clinic whose name holds a NUL character   | 422    |
        | a patient whose name holds a tab            | 422    |
        | a booking finished from a link without its call | 422 |

    Scenario Outline: The clinic's software sends <request>: the error says "<error>"
      When the clinic's software sends <request>
      Then it is refused as <status> with the reason in the contract's error body
      And the error says "<error>"
      And nothing is held for Maria and her call is not ended

      Examples:
        | request                             | status | error              |
        | an address the system does not have | 404    | not found          |
        | a method the address does not take  | 405    | method not allowed |

    Scenario Outline: A patient's phone number has 7 to 15 digits: <digits> is <verdict>
      When a patient is added whose phone number has <digits> digits
      Then it is <verdict>

      Examples:
        | digits | verdict                                                            |
        | 6      | refused as 422 with the reason in the contract's error body        |
        | 7      | accepted                                                           |
        | 15     | accepted                                                           |
        | 16     | refused as 422 with the reason in the contract's error body        |

  Rule: Every field takes a value as long as the contract allows, and refuses a longer one

    Scenario Outline: <field> takes up to <longest> characters
      When <field> is <longest> characters long
      Then it is accepted
      When <field> is <one more> characters long
      Then it is refused as 422 with the reason in the contract's error body

      Examples:
        | field                              | longest | one more |
        | a clinic's name                    | 120     | 121      |
        | a clinic's web address             | 200     | 201      |
        | a doctor's name                    | 80      | 81       |
        | a doctor's title                   | 20      | 21       |
        | the word for a doctor              | 20      | 21       |
        | a doctor's specialty               | 80      | 81       |
        | a staff member's name              | 80      | 81       |
        | a staff member's role              | 80      | 81       |
        | a patient's name                   | 120     | 121      |
        | a patient's email                  | 200     | 201      |
        | the assistant a call is started on | 120     | 121      |
        | a question to the knowledge base   | 1000    | 1001     |
        | why a call ended                   | 100     | 101      |
        | a call's summary                   | 5000    | 5001     |

    Scenario Outline: <field> is looked up at <longest> characters, and refused unread at <one more>
      When <field> is <longest> characters long
      Then it is refused as <not its own> with the reason in the contract's error body
      When <field> is <one more> characters long
      Then it is refused as 422 with the reason in the contract's error body

      Examples:
        | field                             | longest | one more | not its own |
        | the patient a call is started for | 80      | 81       | 404         |
        | the clinic a claim is made for    | 80      | 81       | 403         |
        | the call a link is for            | 80      | 81       | 401         |

    Scenario Outline: A clinic is set up with <count> <list>: <verdict>
      When a clinic is set up with <count> <list>
      Then it is <verdict>

      Examples:
        | count | list    | verdict                                                      |
        | 50    | doctors | accepted                                                     |
        | 51    | doctors | refused as 422 with the reason in the contract's error body  |
        | 200   | staff   | accepted                                                     |
        | 201   | staff   | refused as 422 with the reason in the contract's error body  |
