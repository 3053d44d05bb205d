@test.kb-accuracy-005
Feature: The receptionist never gives a wrong answer to a question it has not seen
  Callers do not word a question the way the clinic's list does. When the receptionist
  says it has no information about a procedure the clinic does offer, the caller is passed
  to a person: that is a miss, and it is counted. Quoting another procedure's price, the
  surgical nose's recovery to someone asking about fillers, or any figures for a procedure
  the clinic does not offer sends the caller away misinformed: that is a wrong answer, and
  there must be none. The questions below were written, with their right answers, before
  the receptionist was tuned (fixtures/kb/questions/); a few examples below are taken from the
  sets already used to tune: a small change to how the receptionist reads (`make mutants`) turned
  each of them into a refusal, or into a wrong answer, while every set stayed within its targets.

  Rule: A word that separates two versions of a procedure picks the right one

    @criterion.KB-8 @criterion.KB-4 @critical
    Scenario Outline: <clinic> is asked "<question>"
      Given <clinic> takes bookings by phone
      And <clinic> has uploaded its procedure list "<list>"
      When a caller asks the receptionist "<question>"
      Then the answer quotes the figures of <procedure> and of no other procedure on the list

      Examples:
        | clinic                    | list                       | question                                                                               | procedure           |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | How much is the non-surgical rhinoplasty?                                              | Liquid Rhinoplasty  |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | Can you reshape a nose using injectables only? What's the price?                       | Liquid Rhinoplasty  |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | What's the cost of the surgical version of rhinoplasty, not the liquid one?            | Rhinoplasty         |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | I want proper surgery on my nose, not fillers. How long is the recovery?               | Rhinoplasty         |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | what's a nose job going to cost me at your place                                       | Rhinoplasty         |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | I'm interested in a mini facelift rather than the full thing. How many days' recovery? | Facelift            |
        | Advanced Aesthetic Clinic | surgical-procedures.pdf    | surgical breast implants under general anesthetic, what's the cost                     | Breast Augmentation |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | She wants her nose reshaped with filler rather than going under the knife              | Liquid Rhinoplasty  |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | The permanent nose op, where a surgeon actually cuts, nothing temporary                | Rhinoplasty         |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | Something for my nose, but nothing that needs stitches or a cast afterwards            | Liquid Rhinoplasty  |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | Hyaluronic acid injected into my nose, for way less than an operation: the fee?        | Liquid Rhinoplasty  |

  Rule: A version the caller has said no to is never the one quoted
    When the receptionist cannot tell which version is wanted, it may pass the caller to a person:
    a miss, counted. Quoting the version the caller turned down is a wrong answer.

    @criterion.KB-8 @criterion.KB-4 @critical
    Scenario Outline: <clinic> is asked "<question>"
      Given <clinic> takes bookings by phone
      And <clinic> has uploaded its procedure list "<list>"
      When a caller asks the receptionist "<question>"
      Then the answer quotes no figures of <refused>, nor of any procedure but <procedure>

      Examples:
        | clinic                   | list                   | question                                                                   | refused            | procedure          |
        | Premier Cosmetic Surgery | premier-procedures.pdf | fillers are not my thing, what does a nose reshape cost                    | Liquid Rhinoplasty | Rhinoplasty        |
        | Premier Cosmetic Surgery | premier-procedures.pdf | surgery never appealed to me, what's the price of changing my nose         | Rhinoplasty        | Liquid Rhinoplasty |
        | Premier Cosmetic Surgery | premier-procedures.pdf | I want my nose done properly and not the temporary filler, what's the cost | Liquid Rhinoplasty | Rhinoplasty        |

  Rule: A procedure the clinic does not list gets no figures, even when it shares words with one it does

    @criterion.KB-8 @criterion.KB-5 @critical
    Scenario Outline: <clinic> is asked "<question>"
      Given <clinic> takes bookings by phone
      And <clinic> has uploaded its procedure list "<list>"
      When a caller asks the receptionist "<question>"
      Then the receptionist answers "I don't have specific information about that procedure."
      And the answer quotes no price, no recovery time and no source

      Examples:
        | clinic                    | list                       | question                                                                  |
        | Advanced Aesthetic Clinic | surgical-procedures.pdf    | How much is a liquid nose job at your place?                              |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | Could I get a facelift without surgery, using threads or fillers?         |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | I only want a breast lift, not implants. How much is that?                |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | I'd like to have my breast implants removed. What does that cost?         |
        | Advanced Aesthetic Clinic | surgical-procedures.pdf    | Do you do breast reductions?                                              |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | I'm interested in chin filler, do you do it?                              |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | What does laser hair removal cost here?                                   |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | Do you do chemical peels?                                                 |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | could you lift them for me, my breasts, how much                          |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | could you lift the breasts, they have dropped                             |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | For my face: a thread lift. How much?                                     |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | my breasts have dropped, could they all be lifted                         |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | how much is plasma resurfacing                                            |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | My breasts have dropped and I'd like them lifted back up, not made bigger |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | can you remove the wrinkles on my face                                    |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | a vampire lift for my face, the price                                     |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | do you laser fungal nails                                                 |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | what is a liquid lift and its price                                       |

  Rule: Everyday names, slips of spelling and plain questions for a listed procedure are answered, not refused

    @criterion.KB-8 @criterion.KB-4
    Scenario Outline: <clinic> is asked "<question>"
      Given <clinic> takes bookings by phone
      And <clinic> has uploaded its procedure list "<list>"
      When a caller asks the receptionist "<question>"
      Then the answer quotes the figures of <procedure> and of no other procedure on the list

      Examples:
        | clinic                    | list                       | question                                                     | procedure           |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | How much does a boob op cost?                                | Breast Augmentation |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | How much is nose filler?                                     | Liquid Rhinoplasty  |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | liquid nose job, how fast do I bounce back                   | Liquid Rhinoplasty  |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | cost of liquid rhino plasty?                                 | Liquid Rhinoplasty  |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | after a face lift at yours how long till the swelling's gone | Facelift            |
        | Advanced Aesthetic Clinic | surgical-procedures.pdf    | How long do I need off after a rhinoplastie?                 | Rhinoplasty         |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | facelfit cost?                                               | Facelift            |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | How long does it take to get over a nose jobb?               | Rhinoplasty         |
        | Advanced Aesthetic Clinic | surgical-procedures.pdf    | Breast augmentation: price range and recovery time, please.  | Breast Augmentation |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | can you tighten skin on face in a small operation            | Facelift            |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | is there anyt hing you could do for my nose                  | Rhinoplasty         |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | the tip sags, could you fix my nose                          | Rhinoplasty         |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | what does a noseop cost                                      | Rhinoplasty         |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | will my eyes be black after a nose job, and how much is it   | Rhinoplasty         |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | how much is a facelift for the skin under my                 | Facelift            |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | brest implents cost                                          | Breast Augmentation |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | wat is recovry for brest augmantation                        | Breast Augmentation |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | mini facelift under local - hw long b4 i can go back 2 work? | Facelift            |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | A wee face lift under a local, how much would that be, hen?  | Facelift            |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | my saggy lower face tightened with small cuts, the cost?     | Facelift            |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | lazerresurfacing cost                                        | Laser Resurfacing   |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | liquidrino plasty cost?                                      | Liquid Rhinoplasty  |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | Hiya it's Kayleigh, ringing about a nose job, prices please  | Rhinoplasty         |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | I'm going to Ibiza in August, how much are breast implants?  | Breast Augmentation |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | After the nose reshaping, when am I back on my feet?         | Rhinoplasty         |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | I don't suppose you know what the filler nose job costs?     | Liquid Rhinoplasty  |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | could I fit a liquid nose job in between my shifts           | Liquid Rhinoplasty  |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | the op pulling my cheeks' skin back towards my ears, price?  | Facelift            |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | the mini facelift: are the stitches taken out in the price?  | Facelift            |
        | Advanced Aesthetic Clinic | surgical-procedures.pdf    | Alright butt, how much is a boob job?                        | Breast Augmentation |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | I'm deaf in my left ear: the nose job, how much?             | Rhinoplasty         |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | my mate wrote 'nose filler' on my hand, what's that cost     | Liquid Rhinoplasty  |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | I was told filler won't fix my nose, I need the op, cost?    | Rhinoplasty         |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | the short-scar facelift under a numbing jab, time off?       | Facelift            |

  Rule: A caller who corrects themselves is answered about the version they settle on
    Callers change their mind mid-sentence, or say what someone else advised before what they
    want. The version said last is the one asked about; quoting the one taken back is a wrong answer.

    @criterion.KB-8 @criterion.KB-4
    Scenario Outline: <clinic> is asked "<question>"
      Given <clinic> takes bookings by phone
      And <clinic> has uploaded its procedure list "<list>"
      When a caller asks the receptionist "<question>"
      Then the answer quotes the figures of <procedure> and of no other procedure on the list

      Examples:
        | clinic                   | list                   | question                                                                                                   | procedure          |
        | Premier Cosmetic Surgery | premier-procedures.pdf | I was going to ask about surgery for my nose, actually no, I mean the injectable one. What's the price?    | Liquid Rhinoplasty |
        | Premier Cosmetic Surgery | premier-procedures.pdf | Can I book for the nose filler, no, sorry, scrap that, the proper surgical one. What does that cost?       | Rhinoplasty        |
        | Premier Cosmetic Surgery | premier-procedures.pdf | My husband says get the injections but I want it done in an operation. The nose one, how long is recovery? | Rhinoplasty        |
        | Premier Cosmetic Surgery | premier-procedures.pdf | I'm not sure what it's called but it's the surgical one for the nose, not the injections. Price please.    | Rhinoplasty        |

  Rule: A lift of nothing named is not taken for the facelift
    A caller who trails off after "a lift" has not said of what, and a breast lift is not on the
    list: the receptionist passes the caller on rather than guess.

    @criterion.KB-8
    Scenario Outline: <clinic> is asked "<question>"
      Given <clinic> takes bookings by phone
      And <clinic> has uploaded its procedure list "<list>"
      When a caller asks the receptionist "<question>"
      Then the receptionist answers "I don't have specific information about that procedure."

      Examples:
        | clinic                   | list                   | question                               |
        | Premier Cosmetic Surgery | premier-procedures.pdf | A lift or... sorry, what does it cost? |
        | Premier Cosmetic Surgery | premier-procedures.pdf | A lift, what does it cost?             |

  Rule: Wanting a sign gone is not asking for whatever else treats that skin
    "Remove my saggy skin" asks for a result, not for resurfacing. The receptionist may pass the
    caller to a person (a miss, counted); quoting another treatment's figures is a wrong answer.

    @criterion.KB-8
    Scenario Outline: <clinic> is asked "<question>"
      Given <clinic> takes bookings by phone
      And <clinic> has uploaded its procedure list "<list>"
      When a caller asks the receptionist "<question>"
      Then the answer quotes no figures of <other>, nor of any procedure but <procedure>

      Examples:
        | clinic                    | list                       | question                       | other             | procedure |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | I want to remove my saggy skin | Laser Resurfacing | Facelift  |

  Rule: Two procedures compared in one question each get their own figures

    @criterion.KB-8
    Scenario Outline: <clinic> is asked "<question>"
      Given <clinic> takes bookings by phone
      And <clinic> has uploaded its procedure list "<list>"
      When a caller asks the receptionist "<question>"
      Then the answer quotes the figures of <procedures> and of no other procedure on the list

      Examples:
        | clinic                    | list                       | question                                                                                      | procedures                          |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | compare surgical vs non-surgical rhinoplasty for me, price and downtime                       | Rhinoplasty and Liquid Rhinoplasty  |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | Which costs more, a boob job or a nose job?                                                   | Breast Augmentation and Rhinoplasty |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | I can't decide between a laser facial and a mini facelift, how do the recovery times compare  | Facelift and Laser Resurfacing      |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | how does the cost of a facelift compare to breast augmentation                                | Facelift and Breast Augmentation    |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | I've got about ten grand saved, would that cover a boob job or a face lift?                   | Facelift and Breast Augmentation    |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | laser or lift, which is cheaper                                                               | Facelift and Laser Resurfacing      |
        | Advanced Aesthetic Clinic | dermatology-procedures.pdf | resurfacing or lift, what do you suggest                                                      | Facelift and Laser Resurfacing      |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | Can you compare the nose job with the liquid nose job for me, downtime mainly?                | Rhinoplasty and Liquid Rhinoplasty  |
        | Premier Cosmetic Surgery  | premier-procedures.pdf     | She wants a face lift and I want the non-surgical nose. What are the costs for each?          | Facelift and Liquid Rhinoplasty     |
        | Advanced Aesthetic Clinic | surgical-procedures.pdf    | I'm doing my boobs first, then my nose, and my skin heals well, how long is recovery for each | Breast Augmentation and Rhinoplasty |

  Rule: Questions written before any tuning are measured, wrong answers apart from misses
    The sets once used to tune are held at no wrong answer and at most 5% refused, and a question
    the last tuning answered is never refused again. The held-out set is graded in the report and
    does not gate: only tuning on it could make it green, and that would spend it.

    @criterion.KB-8 @critical
    Scenario Outline: The <part> questions, over three clinics' procedure lists
      Given a clinic for each procedure list the question sets were written for
      When a caller asks each of the <part> questions of the clinic it was written for
      Then no answer quotes another procedure's figures, or figures for a procedure the clinic does not list
      And the refusals of procedures the clinic lists stay within the 5% target, and no question answered after tuning is refused now
      And how long each answer took is recorded, against 50 milliseconds at the 95th percentile, and never over a quarter of a second

      Examples:
        | part                       |
        | tuning                     |
        | first held-out (seen)      |
        | second held-out (seen)     |
        | third held-out (seen)      |
        | fourth held-out (seen)     |
        | fifth held-out (seen)      |
        | sixth held-out (seen)      |
        | seventh held-out (seen)    |
        | eighth held-out (seen)     |
        | ninth held-out (seen)      |
        | tenth held-out (seen)      |
        | eleventh held-out (seen)   |
        | twelfth held-out (seen)    |
        | thirteenth held-out (seen) |
        | fourteenth held-out (seen) |

    @criterion.KB-8
    Scenario: The project's own questions, each a reading a small change to the receptionist once broke
      Given a clinic for each procedure list the question sets were written for
      When a caller asks each of the project's own (seen) questions of the clinic it was written for
      Then no answer quotes another procedure's figures, or figures for a procedure the clinic does not list
      And no question answered after tuning is refused now
      And how long each answer took is recorded, against 50 milliseconds at the 95th percentile, and never over a quarter of a second

    # The held-out set is clinic_suite/journeys/knowledge.py's HELD_OUT_SET (held_out_15.jsonl); until
    # its file is delivered, the scenario records that it was not, and the report shows NOT_MEASURED.
    Scenario: The held-out questions, never read by whoever tuned the receptionist, are measured for the meeting
      Given a clinic for each procedure list the question sets were written for
      When a caller asks each of the held-out questions of the clinic it was written for
      Then the wrong answers and the refusals of procedures the clinic lists are counted for the meeting, against none and a 5% target
      And how long each answer took is recorded, against 50 milliseconds at the 95th percentile, and never over a quarter of a second
