package se.stockholm.ks.earkiv;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes PREMIS 3 ({@code http://www.loc.gov/premis/v3}) for the package's content files: one
 * {@code object} of type file per file with its SHA-256 fixity, size, format (media type) and
 * original name, and one event (the package's creation) linking them.
 */
final class PremisXml {

  static final String NS = "http://www.loc.gov/premis/v3";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  /**
   * A file described.
   *
   * @param sokvag its path in the package, from the package root
   * @param sha256 its SHA-256, lower-case hex
   * @param storlek its size in bytes
   * @param mediatyp its media type
   * @param originalnamn its name in the diarium
   */
  record Fil(String sokvag, String sha256, long storlek, String mediatyp, String originalnamn) {
  }

  private PremisXml() {
  }

  /**
   * @param filer the files
   * @param skapad when the package is made
   * @param agent the creating software
   * @return premis.xml in UTF-8
   */
  static byte[] skriv(List<Fil> filer, OffsetDateTime skapad, String agent) {
    ByteArrayOutputStream ut = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(ut, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.setPrefix("premis", NS);
      w.setPrefix("xsi", XSI);
      w.writeStartElement(NS, "premis");
      w.writeNamespace("premis", NS);
      w.writeNamespace("xsi", XSI);
      w.writeAttribute("version", "3.0");
      for (Fil f : filer) {
        w.writeStartElement(NS, "object");
        w.writeAttribute(XSI, "type", "premis:file");
        w.writeStartElement(NS, "objectIdentifier");
        text(w, "objectIdentifierType", "local");
        text(w, "objectIdentifierValue", f.sokvag());
        w.writeEndElement();
        w.writeStartElement(NS, "objectCharacteristics");
        text(w, "compositionLevel", "0");
        w.writeStartElement(NS, "fixity");
        text(w, "messageDigestAlgorithm", "SHA-256");
        text(w, "messageDigest", f.sha256());
        text(w, "messageDigestOriginator", agent);
        w.writeEndElement();
        text(w, "size", Long.toString(f.storlek()));
        w.writeStartElement(NS, "format");
        w.writeStartElement(NS, "formatDesignation");
        text(w, "formatName", f.mediatyp());
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        text(w, "originalName", f.originalnamn());
        w.writeEndElement();
      }
      w.writeStartElement(NS, "event");
      w.writeStartElement(NS, "eventIdentifier");
      text(w, "eventIdentifierType", "local");
      text(w, "eventIdentifierValue", "paketering");
      w.writeEndElement();
      text(w, "eventType", "creation");
      text(w, "eventDateTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(skapad));
      w.writeStartElement(NS, "eventOutcomeInformation");
      text(w, "eventOutcome", "success");
      w.writeEndElement();
      w.writeStartElement(NS, "linkingAgentIdentifier");
      text(w, "linkingAgentIdentifierType", "local");
      text(w, "linkingAgentIdentifierValue", agent);
      w.writeEndElement();
      for (Fil f : filer) {
        w.writeStartElement(NS, "linkingObjectIdentifier");
        text(w, "linkingObjectIdentifierType", "local");
        text(w, "linkingObjectIdentifierValue", f.sokvag());
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeStartElement(NS, "agent");
      w.writeStartElement(NS, "agentIdentifier");
      text(w, "agentIdentifierType", "local");
      text(w, "agentIdentifierValue", agent);
      w.writeEndElement();
      text(w, "agentName", agent);
      text(w, "agentType", "software");
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new ArkivpaketException("PREMIS kunde inte skrivas: " + e.getMessage(), e);
    }
    return ut.toByteArray();
  }

  private static void text(XMLStreamWriter w, String element, String text) throws XMLStreamException {
    w.writeStartElement(NS, element);
    w.writeCharacters(text == null ? "" : text);
    w.writeEndElement();
  }
}
