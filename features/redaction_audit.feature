@test.pii-redaction-003 @redactor
Feature: The redactor holds on callers it has never heard, and leaves booking talk alone
  A redactor tuned on one set of callers must not leak the next caller's details, nor
  blank out what the clinic needs to read: prices, dates, times, its own name, web address,
  doctors and staff. The audit puts utterances written by someone who never saw the
  redactor through it, counts what it caught of each kind, and counts every replacement of
  something that was not personal. Any team's redactor can be audited the same way.
  A corpus the reference redactor has seen (tuned on, or measured once and then tuned on,
  as the second to fifth editions' held-out corpora now are) is held to the full bar; a held-out one
  is measured and shown to the meeting.

  Rule: What the redactor has seen, it redacts completely and precisely

    @criterion.PII-1 @criterion.PII-6 @critical
    Scenario: The redactor on its own, over every edition of the redaction corpora
      Given the redactor the clinic uses, taking one utterance at a time
      When every utterance of the redaction corpora goes through it
      Then no labelled name, number, email, address or medical word of the seen corpora survives, with the share caught per kind recorded
      And none of the seen clean utterances is changed: prices, dates, times, durations and the clinic's own name, web address, doctors and staff survive
      And at least 98% of the replacements on the seen corpora are justified, with every over-redaction counted
      And the shares caught on each held-out corpus, its precision and the clean utterances it changed are recorded for the meeting, apart from the seen figures
