package se.stockholm.ks.earkiv;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import se.stockholm.ks.diarium.Arende;
import se.stockholm.ks.diarium.Beslut;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelse;
import se.stockholm.ks.diarium.Handling;

/**
 * Writes an ärende as CITS ERMS 2.1 ({@code https://DILCIS.eu/XML/ERMS}): one {@code aggregation}
 * of type {@code caseFile} (objectId = the diarienummer) holding one {@code record} per handling
 * (objectId = the dokumentnummer, runningNumber = its {@code -n}). The event log is the caseFile's
 * {@code action}s, the decision an action of type {@code beslut} with its decision date.
 */
final class ErmsXml {

  static final String NS = "https://DILCIS.eu/XML/ERMS";
  private static final DateTimeFormatter TID = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /**
   * A handling as it goes into the package.
   *
   * @param handling the register entry
   * @param sokvag the file's path in the package, from the package root
   * @param mediatyp the file's media type
   * @param sekretess its secrecy mark in force (the OSL provision, e.g. {@code OSL 21 kap. 7 §}: its own
   *     or its ärende's, from the diarium), or null
   * @param planrad the informationshanteringsplan's line for its handlingstyp (the record's disposal)
   * @param plan the plan's name
   * @param gallrad the decision that gallrade its content (then there is no file: sokvag is null), or null
   */
  record Post(Handling handling, String sokvag, String mediatyp, String sekretess,
              Informationshanteringsplan.Planrad planrad, String plan, Gallring.Gallrad gallrad) {
  }

  private ErmsXml() {
  }

  /**
   * @param arende the ärende (avslutat or återkallat)
   * @param poster its handlingar, in number order
   * @param handelser its event log
   * @param beslut its decision, or null (a withdrawn ärende)
   * @param inst the e-arkiv settings (organisation, classification)
   * @param skapad when the package is made
   * @return ERMS.xml in UTF-8
   */
  static byte[] skriv(Arende arende, List<Post> poster, List<Handelse> handelser, Beslut beslut,
                      EarkivInstallningar inst, OffsetDateTime skapad) {
    ByteArrayOutputStream ut = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(ut, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.setDefaultNamespace(NS);
      w.writeStartElement(NS, "erms");
      w.writeDefaultNamespace(NS);

      w.writeStartElement(NS, "control");
      text(w, "identification", Map.of("identificationType", "system"), "Skrivelseprocessen");
      w.writeStartElement(NS, "maintenanceInformation");
      tom(w, "maintenanceStatus", Map.of("value", "new"));
      w.writeStartElement(NS, "maintenanceAgency");
      text(w, "agencyName", Map.of(), inst.organisation());
      w.writeEndElement();
      w.writeStartElement(NS, "maintenanceHistory");
      w.writeStartElement(NS, "maintenanceEvent");
      tom(w, "eventType", Map.of("value", "created"));
      text(w, "eventDateTime", Map.of(), TID.format(skapad));
      agent(w, "agent", "creator", "Skrivelseprocessen", inst.organisation(), null);
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement(); // control

      w.writeStartElement(NS, "aggregations");
      w.writeStartElement(NS, "aggregation");
      w.writeAttribute("systemIdentifier", "arende-" + arende.id());
      w.writeAttribute("aggregationType", "caseFile");
      text(w, "objectId", Map.of(), arende.diarienummer().toString());
      text(w, "classification", Map.of("classificationCode", inst.klassificeringskod()), inst.klassificering());
      text(w, "title", Map.of(), arende.rubrik());
      // avslutat: closed; återkallat: closed as well (the ärende ended without a decision, see the actions)
      tom(w, "status", Map.of("value", "closed"));
      w.writeStartElement(NS, "agents");
      if (arende.avsandare() != null) {
        agent(w, "agent", "sender", arende.avsandare().namn(), null, arende.avsandare().roll());
      }
      agent(w, "agent", "owner", inst.organisation(), inst.organisation(), null);
      if (arende.foredragandeBorgarrad() != null) {
        agent(w, "agent", "responsible_person", arende.foredragandeBorgarrad(), inst.organisation(),
            "föredragande borgarråd");
      }
      w.writeEndElement();
      text(w, "description", Map.of(), "Ärendetyp: " + arende.arendetyp() + "; status i diariet: "
          + arende.status().text() + (arende.avsandare() == null ? "" : "; avsändare: " + arende.avsandare().medParti()));
      w.writeStartElement(NS, "dates");
      datum(w, "date", "received", arende.inkomTid());
      datum(w, "date", "created", arende.registreradTid());
      if (arende.avslutadDatum() != null) {
        datum(w, "date", "closed", Diarium.tidpunktFor(arende.avslutadDatum(), arende.registreradTid()));
      }
      w.writeEndElement();
      if (beslut != null) {
        w.writeStartElement(NS, "action");
        text(w, "actionText", Map.of(), beslut.beslutstext());
        text(w, "actionType", Map.of(), "beslut " + beslut.organ() + " " + beslut.paragraf());
        w.writeStartElement(NS, "dates");
        datum(w, "actionDate", "decision", beslut.sammantrade().atStartOfDay(Diarium.STOCKHOLM).toOffsetDateTime());
        w.writeEndElement();
        w.writeEndElement();
      }
      for (Handelse h : handelser) {
        w.writeStartElement(NS, "action");
        text(w, "actionText", Map.of(), h.beskrivning());
        text(w, "actionType", Map.of(), h.handelsetyp().name());
        w.writeStartElement(NS, "dates");
        datum(w, "actionDate", "other", h.tid());
        w.writeEndElement();
        if (h.aktor() != null) {
          w.writeStartElement(NS, "agents");
          agent(w, "agent", "user", h.aktor(), null, null);
          w.writeEndElement();
        }
        w.writeEndElement();
      }
      for (Post p : poster) {
        record(w, p, arende, inst);
      }
      w.writeEndElement(); // aggregation
      w.writeEndElement(); // aggregations
      w.writeEndElement(); // erms
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new ArkivpaketException("ERMS.xml kunde inte skrivas: " + e.getMessage(), e);
    }
    return ut.toByteArray();
  }

  private static void record(XMLStreamWriter w, Post p, Arende arende, EarkivInstallningar inst)
      throws XMLStreamException {
    Handling h = p.handling();
    w.writeStartElement(NS, "record");
    w.writeAttribute("systemIdentifier", h.dokumentnummer());
    w.writeAttribute("recordType", h.handlingstyp().text());
    w.writeAttribute("recordPhysicalOrDigital", "digitial"); // sic: the 2.1.2 schema's spelling
    text(w, "objectId", Map.of(), h.dokumentnummer());
    text(w, "title", Map.of(), h.rubrik());
    tom(w, "status", Map.of("value", switch (h.status()) {
      case INKOMMEN -> "received";
      case UPPRATTAD -> "prepared";
      case EXPEDIERAD -> "expedited";
    }));
    text(w, "runningNumber", Map.of(), Integer.toString(h.lopnummer()));
    if (h.hanvisarTill() != null) {
      text(w, "relation", Map.of("relationType", "own_relation_definition",
          "otherRelationType", "likalydande med"), h.hanvisarTill());
    }
    if (p.sekretess() != null) {
      w.writeStartElement(NS, "restriction");
      w.writeAttribute("restrictionType", "confidential");
      text(w, "explanatoryText", Map.of(), "Sekretessmarkerad i diariet");
      text(w, "regulation", Map.of(), p.sekretess());
      w.writeEndElement();
    }
    if (p.planrad() != null && arende.avslutadDatum() != null) {
      w.writeStartElement(NS, "disposal");
      w.writeAttribute("disposable", Boolean.toString(p.planrad().gallrasEfterAr() != null));
      text(w, "disposalScheduleId", Map.of(), p.plan());
      text(w, "disposalAction", Map.of(), p.planrad().gallrasEfterAr() == null ? "bevaras" : "gallras");
      if (p.planrad().gallrasEfterAr() != null) {
        text(w, "disposalPeriod", Map.of(), p.planrad().gallrasEfterAr() + " år efter ärendets avslutande");
      }
      if (p.gallrad() != null) {
        text(w, "disposalDescription", Map.of(), p.gallrad().text());
        text(w, "disposingPerson", Map.of(), p.gallrad().beslutadAv());
      }
      // the retention period runs from the day the ärende was closed
      OffsetDateTime start = arende.avslutadDatum().atStartOfDay(Diarium.STOCKHOLM).toOffsetDateTime();
      w.writeStartElement(NS, "dates");
      text(w, "disposalDate", Map.of("dateType", "retention_period_start"), TID.format(start));
      if (p.planrad().gallrasEfterAr() != null) {
        text(w, "disposalDate", Map.of("dateType", "retention_period_end"),
            TID.format(start.plusYears(p.planrad().gallrasEfterAr())));
      }
      if (p.gallrad() != null) {
        text(w, "disposalDate", Map.of("dateType", "applied"), TID.format(p.gallrad().beslutadTid()));
      }
      w.writeEndElement();
      w.writeEndElement();
    }
    switch (h.status()) {
      case INKOMMEN -> tom(w, "direction", Map.of("directionDefinition", "incoming"));
      case EXPEDIERAD -> tom(w, "direction", Map.of("directionDefinition", "outgoing"));
      case UPPRATTAD -> tom(w, "direction", Map.of("directionDefinition", "other",
          "otherDirectionDefinition", "upprättad"));
    }
    boolean avsandare = h.avsandare() != null;
    boolean mottagare = h.mottagare() != null;
    w.writeStartElement(NS, "agents");
    if (avsandare) {
      agent(w, "agent", "sender", h.avsandare(), null, null);
    }
    if (mottagare) {
      agent(w, "agent", "receiver", h.mottagare(), null, null);
    }
    if (!avsandare && !mottagare || h.status() != se.stockholm.ks.diarium.HandlingStatus.INKOMMEN) {
      agent(w, "agent", "creator", inst.organisation(), inst.organisation(), null);
    }
    if (h.registreradAv() != null) {
      agent(w, "agent", "user", h.registreradAv(), null, "registrerade handlingen");
    }
    w.writeEndElement();
    w.writeStartElement(NS, "dates");
    OffsetDateTime dag = Diarium.tidpunktFor(h.datum(), h.registreradTid());
    datum(w, "date", switch (h.status()) {
      case INKOMMEN -> "received";
      case UPPRATTAD -> "created";
      case EXPEDIERAD -> "expedited";
    }, dag);
    datum(w, "date", "captured", h.registreradTid());
    w.writeEndElement();
    w.writeStartElement(NS, "additionalInformation");
    if (p.sokvag() != null) {
      w.writeStartElement(NS, "appendix");
      w.writeAttribute("name", p.sokvag().substring(p.sokvag().lastIndexOf('/') + 1));
      w.writeAttribute("fileFormat", p.mediatyp());
      w.writeAttribute("path", p.sokvag());
      w.writeEndElement();
    }
    w.writeStartElement(NS, "ownElement");
    w.writeStartElement(NS, "ownElement");
    w.writeAttribute("name", "checksumSHA256");
    text(w, "value", Map.of(), h.sha256());
    w.writeEndElement();
    w.writeStartElement(NS, "ownElement");
    w.writeAttribute("name", "storlek");
    w.writeAttribute("dataType", "bytes");
    text(w, "value", Map.of(), Long.toString(h.storlek()));
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement(); // record
  }

  private static void agent(XMLStreamWriter w, String element, String typ, String namn, String organisation,
                            String roll) throws XMLStreamException {
    w.writeStartElement(NS, element);
    w.writeAttribute("agentType", typ);
    text(w, "name", Map.of(), namn);
    if (organisation != null) {
      text(w, "organisation", Map.of(), organisation);
    }
    if (roll != null) {
      text(w, "role", Map.of(), roll);
    }
    w.writeEndElement();
  }

  private static void datum(XMLStreamWriter w, String element, String typ, OffsetDateTime tid)
      throws XMLStreamException {
    if (tid == null) {
      return;
    }
    text(w, element, Map.of("dateType", typ), TID.format(tid));
  }

  private static void tom(XMLStreamWriter w, String element, Map<String, String> attribut) throws XMLStreamException {
    w.writeEmptyElement(NS, element);
    for (var a : new java.util.TreeMap<>(attribut).entrySet()) {
      w.writeAttribute(a.getKey(), a.getValue());
    }
  }

  private static void text(XMLStreamWriter w, String element, Map<String, String> attribut, String text)
      throws XMLStreamException {
    w.writeStartElement(NS, element);
    for (var a : new java.util.TreeMap<>(attribut).entrySet()) {
      w.writeAttribute(a.getKey(), a.getValue());
    }
    w.writeCharacters(text == null ? "" : text);
    w.writeEndElement();
  }
}
