@test.pii-redaction-003
Feature: Nothing identifying or medical is kept without the caller's consent
  A clinic that stores "John Smith, 555-123-4567, rhinoplasty scar" in plain text
  without consent is in breach of GDPR. Without consent, every name, phone number,
  email, address, social security number and medical word is replaced by a marker in
  everything the clinic keeps or shows; with consent, the record keeps what was said.
  The system's own log never holds any of it.

  Background:
    Given Premier Cosmetic Surgery takes bookings by phone

  Rule: Each kind of personal data is replaced by its marker

    @criterion.PII-1 @critical
    Scenario Outline: A caller who has not consented mentions <kind>
      Given John is a caller who has not agreed to his calls being kept on record
      When John says "<said>" and hangs up
      Then the clinic's record of the call reads "<kept>"
      And "<value>" appears nowhere the clinic keeps or shows the call

      Examples:
        | kind                                   | said                                                                                                                                 | value                         | kept                                                                     |
        | an email address                       | You can email me at john.smith+clinic@example.com                                                                                    | john.smith+clinic@example.com | You can email me at [REDACTED_EMAIL]                                     |
        | a phone number                         | My number is 555-123-4567                                                                                                            | 555-123-4567                  | My number is [REDACTED_PHONE]                                            |
        | a street address                       | I live at 123 Main St, NYC                                                                                                           | 123 Main St                   | I live at [REDACTED_ADDRESS]                                             |
        | a social security number               | My SSN is 123-45-6789                                                                                                                | 123-45-6789                   | My SSN is [REDACTED_SSN]                                                 |
        | a medical concern                      | I have a scar from a previous rhinoplasty                                                                                            | rhinoplasty                   | I have a [REDACTED_MEDICAL] from a previous [REDACTED_MEDICAL]           |
        | a name                                 | Hi, my name is John Smith                                                                                                            | Smith                         | Hi, my name is [REDACTED_NAME] [REDACTED_NAME]                           |
        | his own doctor, by title               | My GP, Dr. Kelechi Nwosu, referred me                                                                                                | Nwosu                         | My GP, Dr. [REDACTED_NAME] [REDACTED_NAME], referred me                  |
        | his email, spelt out                   | It's gabija.m@gmail.com, that's G-A-B-I-J-A dot M                                                                                    | G-A-B-I-J-A                   | It's [REDACTED_EMAIL], that's [REDACTED_EMAIL]                           |
        | the end of his SSN                     | My SSN ends in 6789                                                                                                                  | 6789                          | My SSN ends in [REDACTED_SSN]                                            |
        | his wife's SSN and the end of his own  | Her social is 518-42-7306, mine ends in 9913                                                                                         | 9913                          | Her social is [REDACTED_SSN], mine ends in [REDACTED_SSN]                |
        | two addresses said in one run          | The old one was 41 Peckham Rye, London SE15 4JR Flat 5, 8 Rose Street, Edinburgh EH2 2PR is the new one                              | Rose Street                   | The old one was [REDACTED_ADDRESS] [REDACTED_ADDRESS] is the new one     |
        | a postcode said before its name        | Send it to 1012 AB, that's my postcode                                                                                               | 1012 AB                       | Send it to [REDACTED_ADDRESS], that's my postcode                        |
        | a medicine with its dose               | I'm on Dolo 650 twice a day.                                                                                                         | Dolo                          | I'm on [REDACTED_MEDICAL] twice a day.                                   |
        | his number, its end said again         | It's 555-123-4567, four five six seven is the end bit                                                                                | four five six seven           | It's [REDACTED_PHONE], [REDACTED_PHONE] is the end bit                   |
        | an address that opens what he says     | 4 Rue de Rivoli, 75001 Paris, that's me                                                                                              | Rue de Rivoli                 | [REDACTED_ADDRESS], that's me                                            |
        | a postcode, the cue said after it      | It's 75016, my postcode                                                                                                              | 75016                         | It's [REDACTED_ADDRESS], my postcode                                     |
        | a post box and its town                | Post goes to Casilla 4410, Valdivia, thanks                                                                                          | Casilla 4410                  | Post goes to [REDACTED_ADDRESS], thanks                                  |
        | a sister who shares a staff name       | Hi, it's Priya, Priya Raman's sister                                                                                                 | Raman                         | Hi, it's [REDACTED_NAME], [REDACTED_NAME] [REDACTED_NAME]'s sister       |
        | a lab result with its number           | My INR was 2.8 yesterday, is that all right?                                                                                         | INR was 2.8                   | My [REDACTED_MEDICAL] yesterday, is that all right?                      |
        | marks on his back                      | I've got cupping marks on my back                                                                                                    | cupping marks                 | I've got [REDACTED_MEDICAL] on my [REDACTED_MEDICAL]                     |
        | an address in eight parts, then thanks | My address is Unit 2, Ash Court, 14 High Street, Kensington, London, Greater London, England, W8 4PT, Thanks!                        | Ash Court                     | My address is [REDACTED_ADDRESS], Thanks!                                |
        | a past procedure, then the way there   | I had liposuction last year. Is the Piccadilly line the quickest?                                                                    | liposuction                   | I had [REDACTED_MEDICAL] last year. Is the Piccadilly line the quickest? |
        | an address, then the clinic's name     | My address is Unit 2, Ash Court, 14 High Street, Kensington, London, Greater London, England, W8 4PT, Premier Cosmetic Surgery, yes? | Ash Court                     | My address is [REDACTED_ADDRESS], Premier Cosmetic Surgery, yes?         |
        | a house's name before its street       | Sea Breeze, Hithigas Magu, Malé 20150, that's the house                                                                              | 20150                         | [REDACTED_ADDRESS], that's the house                                     |
        | a procedure, then a saying             | After the liposuction, back to back appointments are fine                                                                            | liposuction                   | After the [REDACTED_MEDICAL], back to back appointments are fine         |
        | his condition, said as an adjective    | My diverticulitic flare-ups are better now                                                                                           | diverticulitic                | My [REDACTED_MEDICAL] flare-ups are better now                           |
        | a nose job, then the job               | I had a nose job, the job went fine                                                                                                  | nose job                      | I had a [REDACTED_MEDICAL], the job went fine                            |
        | how far along his wife is              | My wife is twenty weeks, can she still come to the consultation?                                                                     | twenty weeks                  | My wife is [REDACTED_MEDICAL], can she still come to the consultation?   |
        | what his surgery left to care for      | The tissue expander is fine, the compression bra less so                                                                             | tissue expander               | The [REDACTED_MEDICAL] is fine, the [REDACTED_MEDICAL] less so           |
        | that he smokes                         | I'm a smoker, is that a problem?                                                                                                     | smoker                        | I'm a [REDACTED_MEDICAL], is that a problem?                             |
        | his SSN read out with pauses           | My social is five, five, three, then four, one, then six, six, zero, two                                                             | six, six, zero, two           | My social is [REDACTED_SSN]                                              |
        | his email said the French way          | Write to demba point soumare arobase example point fr please                                                                         | soumare                       | Write to [REDACTED_EMAIL] please                                         |
        | a surname that is also a word, spelt   | My surname is Hey, just H-E-Y, like hey                                                                                              | H-E-Y                         | My surname is [REDACTED_NAME], just [REDACTED_NAME], like hey            |
        | a condition and its type               | I have diabetes, type 2, and asthma.                                                                                                 | type 2                        | I have [REDACTED_MEDICAL], [REDACTED_MEDICAL], and [REDACTED_MEDICAL].   |
        | what a treatment did to him            | The injection made my cheeks puffy.                                                                                                  | puffy                         | The [REDACTED_MEDICAL] made my [REDACTED_MEDICAL] [REDACTED_MEDICAL].    |
        | the last bit of his number again       | My number is 555-2664, the last bit again 664.                                                                                       | 664                           | My number is [REDACTED_PHONE], the last bit again [REDACTED_PHONE].      |
        | his number read back as numbers        | My number is 555-1234, that's five five five, twelve thirty-four.                                                                    | twelve thirty-four            | My number is [REDACTED_PHONE], that's [REDACTED_PHONE].                  |
        | a city he is not named after           | This is John Okafor, not Oslo, just Okafor.                                                                                          | Okafor                        | This is [REDACTED_NAME] [REDACTED_NAME], not Oslo, just [REDACTED_NAME]. |
        | a short email said again               | My email is tam@post.example, just tam.                                                                                              | just tam                      | My email is [REDACTED_EMAIL], just [REDACTED_EMAIL].                     |
        | his number's end said as numbers       | My number is 555-1746, the end is seventeen forty-six.                                                                               | seventeen forty-six           | My number is [REDACTED_PHONE], the end is [REDACTED_PHONE].              |
        | his email, then a word that is in it   | Email me at rosa.window@mail.example, I'll be by the window.                                                                         | rosa.window                   | Email me at [REDACTED_EMAIL], I'll be by the window.                     |

  Rule: What the clinic needs to read is not redacted

    @criterion.PII-6
    Scenario Outline: A caller who has not consented mentions <what>
      Given John is a caller who has not agreed to his calls being kept on record
      When John says "<said>" and hangs up
      Then the clinic's record of the call reads "<said>"

      Examples:
        | what                              | said                                                                                         |
        | a price range                     | Is it still £2,500-£3,500, or has it gone up to €4,200 since March?                          |
        | a date and a time                 | Can I come in on 14/03/2026 at 10:30 AM, or the Friday after at half two?                    |
        | a duration                        | So it's 6-8 weeks before the final result and 24-48 hours off work?                          |
        | the clinic's own name and website | I read on www.premiercosmeticsurgery.co.uk that Premier Cosmetic Surgery opens on Saturdays. |
        | the clinic's own doctor and staff | Priya said Tom Whitfield would ring back once Dr. Sarah has a free morning.                  |
        | a card's last four digits         | My card shows asterisks then 4242 on the receipt.                                            |
        | a treatment suite and its price   | Is the price for Suite A, 2500 Pounds, still right?                                          |
        | the name of his bank              | Chase Manhattan Bank, can I pay on that card?                                                |
        | where the clinic is               | Is the address near the station, Marylebone?                                                 |
        | the stop he travels to            | I'll take the Victoria line to Oxford Circus, then the 73 bus past Angel.                    |
        | the room he is sent to            | Is it the second floor, Room 4, for the consultation?                                        |

  Rule: A name is known by where the caller says it
    The phone line's transcript gives the receptionist's turns as "AI:" and the caller's as
    "User:". What the caller answers to a question for a name is a name, whatever its language.

    @criterion.PII-1
    Scenario Outline: The person on John's line answers "<asked>"
      Given John is a caller who has not agreed to his calls being kept on record
      When the receptionist asks "<asked>" and the person on John's line answers "<answer>" and hangs up
      Then the clinic's record of the answer reads "<kept>"
      And "<value>" appears nowhere the clinic keeps or shows the call

      Examples:
        | asked                            | answer                             | value          | kept                                    |
        | Who am I speaking to?            | Tuiasosopo, about the consultation | Tuiasosopo     | [REDACTED_NAME], about the consultation |
        | Can I take your surname, please? | Oyelowo                            | Oyelowo        | [REDACTED_NAME]                         |
        | And who's calling today?         | Ngozi Adeyemi-Bakare.              | Adeyemi-Bakare | [REDACTED_NAME] [REDACTED_NAME].        |

    @criterion.PII-6
    Scenario: The person on John's line does not catch the question for a name
      Given John is a caller who has not agreed to his calls being kept on record
      When the receptionist asks "Who am I speaking to?" and the person on John's line answers "sorry, the line is bad" and hangs up
      Then the clinic's record of the answer reads "sorry, the line is bad"

  Rule: What the receptionist asks for is what the answer gives
    A caller answering a question gives the number or the place alone, with no word of its own to
    say what it is: the question says it. A question about a card or a booking asks for no one's data.

    @criterion.PII-1
    Scenario Outline: The person on John's line is asked "<asked>" and answers "<answer>"
      Given John is a caller who has not agreed to his calls being kept on record
      When the receptionist asks "<asked>" and the person on John's line answers "<answer>" and hangs up
      Then the clinic's record of the answer reads "<kept>"
      And "<value>" appears nowhere the clinic keeps or shows the call

      Examples:
        | asked                                       | answer                                   | value            | kept                    |
        | Can I have the last four of your social?    | 5 2 9 8.                                 | 5 2 9 8          | [REDACTED_SSN].         |
        | And your social, for the credit check?      | six one two, four four, nine oh seven one | nine oh seven one | [REDACTED_SSN]          |
        | What's the best number to reach you on?     | oh seven seven, double four, one two      | double four      | [REDACTED_PHONE]        |
        | And your postcode?                          | 8004.                                    | 8004             | [REDACTED_ADDRESS].     |
        | And the street?                             | Rue des Alpes 7.                         | Rue des Alpes    | [REDACTED_ADDRESS].     |

    @criterion.PII-6
    Scenario Outline: The person on John's line is asked "<asked>" and the answer is not his data
      Given John is a caller who has not agreed to his calls being kept on record
      When the receptionist asks "<asked>" and the person on John's line answers "<answer>" and hangs up
      Then the clinic's record of the answer reads "<answer>"

      Examples:
        | asked                               | answer                          |
        | And the last four of the card?      | 4410.                           |
        | Can I take the booking reference?   | It's PCS-2026-4471.             |
        | Any allergies?                      | None that I know of.            |

  Rule: Consent decides what the record keeps

    @criterion.PII-2 @criterion.PII-3 @criterion.PII-4 @critical
    Scenario: Without consent, the plan's example is kept redacted, the summary too
      Given John is a caller who has not agreed to his calls being kept on record
      When John says "My name is John Smith, I'm at 555-123-4567. I have a previous rhinoplasty scar and want to know about revision surgery." and hangs up, summarised as "John Smith asked about rhinoplasty revision surgery"
      Then the clinic's record of the call reads "My name is [REDACTED_NAME] [REDACTED_NAME], I'm at [REDACTED_PHONE]. I have a previous [REDACTED_MEDICAL] [REDACTED_MEDICAL] and want to know about [REDACTED_MEDICAL] [REDACTED_MEDICAL]."
      And the summary keeps nothing identifying or medical
      And the record notes no consent, that fields were redacted, and when
      And the clinic's audit log counts the redactions by kind, without the values

    @criterion.PII-2 @criterion.PII-3 @criterion.PII-4
    Scenario: With consent, the record keeps what was said
      Given Maria is a patient of the clinic who agrees to her calls being kept on record
      When Maria says "My name is Maria, I'm at 555-123-4567 and I'd like to discuss a previous rhinoplasty scar." and hangs up
      Then the clinic's record keeps exactly what Maria said
      And the record notes consent and no redaction
      And of the assistant's analysis, the record keeps only its verdict on the call

  Rule: Nothing personal leaks, whatever the caller says

    @criterion.PII-1 @criterion.PII-3 @criterion.PII-5 @critical
    Scenario: Two hundred callers' personal data never reaches what the clinic keeps or shows
      Given John is a caller who has not agreed to his calls being kept on record
      When each utterance of the redaction corpus is said on a call that then ends
      Then no labelled name, number, email, address or medical word survives in anything the clinic keeps or shows
      And every kind of personal data was caught, with the share caught per kind recorded
      And ordinary booking talk is left as it was, with at least 95% of the replacements justified
      And the first edition's held-out utterances, tuned on since they were measured, are caught in full too

    @criterion.PII-5
    Scenario: Staff looking at a caller's call and texts see no personal data
      Given John is a caller who has not agreed to his calls being kept on record
      And John is booking by phone and has picked 10:00 next Tuesday
      When John says "Hi, my name is John Smith, you can text 555-123-4567 about my facelift." and hangs up
      Then the staff's view of the call shows none of what John said that identifies him
      And the clinic's text history shows John's number with all but its last 3 digits hidden

    @criterion.PII-5 @embedded-only
    Scenario: The system's own log holds nothing a caller said
      Given Maria is a patient of the clinic who agrees to her calls being kept on record
      When Maria says "Hi, my name is Maria Delgado, I'm at 555-987-6543, maria.d@example.com, about my breast augmentation." and hangs up
      Then the system's log mentions Maria's call
      But nothing Maria said appears in the system's log

  Rule: If redaction fails, nothing unredacted is kept

    @criterion.PII-F1 @failure @embedded-only @critical
    Scenario: The redactor breaks while a call is being stored
      Given John is a caller who has not agreed to his calls being kept on record
      And the redactor will fail on John's next call
      When John says "My name is John Smith, I'm at 555-123-4567, about a rhinoplasty." and hangs up
      Then nothing of what John said is kept
      And the record shows the transcript was withheld because redaction failed
      And the failure is in the clinic's audit log
      And the system's log records that redaction failed on John's call
      But nothing John said appears in the system's log
