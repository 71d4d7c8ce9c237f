/**
 * Sammanträden as the secretaries work them: a meeting of borgarrådsberedningen or kommunstyrelsen
 * (organ and date from the sammanträdesplan) as an entity of its own, with its state (planerat,
 * föredragningslista fastställd, hållet, protokoll justerat, anslaget) and the ärenden anmälda to
 * it in the order of its föredragningslista; paragraphs assigned by the system when the meeting is
 * held; the meeting as read by the city's meeting portal ({@code /api/v1/sammantraden}).
 *
 * <p>The process steps of the ärende (beredning, beslut) report to {@link
 * se.stockholm.ks.sammantrade.Sammantradesregister}; the ärende's own event log keeps recording each
 * move (uppfört, avfört, bordlagt, återremitterat) as before.
 */
package se.stockholm.ks.sammantrade;
