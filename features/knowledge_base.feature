@test.kb-accuracy-005
Feature: The receptionist answers from the clinic's own procedure list
  A receptionist that quotes a generic price, confuses a liquid nose job with surgery, or
  invents details about a procedure the clinic does not offer is worse than none. Answers
  come from the clinic's uploaded PDF, with prices and recovery times exactly as written
  there, and name the page they came from.

  Background:
    Given Premier Cosmetic Surgery takes bookings by phone
    And Premier Cosmetic Surgery has uploaded its procedure list "premier-procedures.pdf"

  Rule: Questions about the clinic's procedures get the figures from its PDF

    @criterion.KB-1 @criterion.KB-2 @criterion.KB-3 @criterion.KB-4 @criterion.KB-6 @criterion.KB-7 @critical
    Scenario Outline: A caller asks "<question>"
      When a caller asks the receptionist "<question>"
      Then the answer is about <procedure>, quoting "<figure>" and "<detail>"
      And the answer never mentions "<wrong>"
      And the answer names the clinic's procedure list, page <page>, as its source
      And the question matched that page with a similarity above 0.75
      And the caller had the answer within half a second

      Examples:
        | question                                              | procedure           | figure          | detail             | wrong           | page |
        | How much does liquid rhinoplasty cost at your clinic? | Liquid Rhinoplasty  | £2,500-£3,500   | injectable fillers | £8,000-£10,000  | 3    |
        | How long is recovery after liquid rhinoplasty?        | Liquid Rhinoplasty  | No downtime     | 24-48 hours        | 2-3 weeks       | 3    |
        | What's the recovery time for liquid rhinoplasty?      | Liquid Rhinoplasty  | No downtime     | £2,500-£3,500      | 2-3 weeks       | 3    |
        | Can I get a liquid nose job?                          | Liquid Rhinoplasty  | £2,500-£3,500   | No downtime        | £8,000-£10,000  | 3    |
        | Do you do filler rhinoplasty?                         | Liquid Rhinoplasty  | £2,500-£3,500   | injectable fillers | Surgical nose   | 3    |
        | What's your recovery time for rhinoplasty?            | Rhinoplasty         | 2-3 weeks       | £8,000-£10,000     | No downtime     | 2    |
        | How much is a facelift?                               | Facelift            | £12,000-£15,000 | 2-4 weeks          | £2,500-£3,500   | 1    |
        | What does breast augmentation cost?                   | Breast Augmentation | £7,000-£9,000   | 1-2 weeks          | £12,000-£15,000 | 4    |

    @criterion.KB-1 @criterion.KB-4
    Scenario: On the phone, the voice receptionist answers from the same list
      When a caller on the phone asks "What does a liquid nose job cost?"
      Then the voice receptionist's answer quotes "£2,500-£3,500" and "No downtime"

  Rule: Procedures the clinic does not list are not invented

    @criterion.KB-5 @critical
    Scenario Outline: A caller asks about <procedure>, which the clinic does not offer
      When a caller asks the receptionist "<question>"
      Then the receptionist answers "I don't have specific information about that procedure."
      And the answer quotes no price, no recovery time and no source

      Examples:
        | procedure                   | question                                                 |
        | Quantum Nose Reconstruction | What's the recovery time for Quantum Nose Reconstruction? |
        | a tummy tuck                | How much is a tummy tuck?                                |
        | a Brazilian butt lift       | Do you offer a Brazilian butt lift?                      |

  Rule: Accuracy is also measured on questions written before the answers were tuned

    @criterion.KB-1
    Scenario: Thirty-two paraphrased questions, never used for tuning
      When a caller asks each of the paraphrased questions
      Then every question gets an answer from the list or the refusal, never anything else
      And the share answered from the right procedure, or refused where the clinic has none, is recorded for the meeting
