/**
 * The engine's version: seeded results depend only on the scenario, its seed and
 * this number. Bump it whenever a change moves the numbers of the same scenario and
 * seed, and say so in the CHANGELOG; results and share links record it, so a link
 * made with another engine says its sender saw other numbers.
 *
 * 1: until 2026-11-24. 2: independent random streams (sfc32 seeded from a hash),
 * first-come-first-served by the current join, funnel rates of their rows, logo churn
 * per renewal decision. 3: counter-based lead streams (a hash of the lead's key and
 * a draw count instead of blocks of one stream and a generator per lead). 4: staffing
 * as rosters of people (attrition, backfill, requisition-dated hires): a planned
 * removal takes the most productive people present, where 3 subtracted a full person
 * even from a team still ramping and counted a removal of more people than were
 * present against later hires' ramps (a removal now cancels an open requisition);
 * Marketing's thinning bound counts the moment before a removal. Scenarios whose
 * plans remove nobody (the whole library) give the numbers of 3. 5: a shared
 * warm-up (engine/fork.ts): before the warm-up's end, Marketing's thinning bound
 * counts only the people present then, and the lead process is cut at the
 * warm-up's end when the bound after it differs; so scenarios whose Marketing
 * grows beyond its warm-up headcount (hires in its plan, or attrition drawing
 * more people later) draw other leads. Every other scenario (the whole library)
 * gives the numbers of 4. 6: leads draw by purpose, and only what they use
 * (random.ts, SLOT_DRAWS): each purpose of a lead's stream (its kind at arrival,
 * the IS work time of its second pass, a renewal's churn draw, ...) has a fixed
 * slot, drawn when the lead reaches that step, so a lead lost in Inside Sales no
 * longer draws Field Sales' cycle, the ACV or the onboarding time; a lead's ACV
 * is drawn once per lead, not per pass; and a lead whose fate is decided on arrival (never
 * a buyer, or nurtured for good) is counted without a row in the lead table. The
 * leads (the arrival stream) are the same as 5's; their draws are other numbers of
 * the same laws, so results move within their confidence intervals (100
 * replications of every library scenario, 635 measures: none more than 3 standard
 * errors from 5's means). 7: faster samplers (distributions.ts): the normal (of
 * the gamma and the lognormal) by a ziggurat from one uniform a draw (Doornik's
 * ZIGNOR tables) instead of Marsaglia's polar method, and the exponential (the
 * exponential distribution and the gap between the arrival process's candidates)
 * by a ziggurat instead of inversion. The leads arrive at other times, and their
 * work times, cycles, ACVs and patience are other draws of the same laws, so
 * results move within their confidence intervals.
 */
export const ENGINE_VERSION = 7;
