package se.stockholm.ks.dokument;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Writes an HTML document as PDF/A-2a: tagged (PDF/UA structure, so headings are H1, H2 …), every
 * font embedded (only the given TrueType fonts are known to the writer, so nothing falls back to an
 * unembedded standard font), an sRGB output intent, and XMP metadata with title, author, language,
 * identifier and the PDF/A identification.
 */
final class PdfASkrivare {

  /** The PDF/A level written: part 2, level A (tagged, Unicode). */
  static final PdfAConformance NIVA = PdfAConformance.PDFA_2_A;
  /** The creator tool recorded in the document information and XMP. */
  static final String SKAPARVERKTYG = "Skrivelseprocessen, Stockholms stad";
  /** The publisher recorded in XMP. */
  static final String UTGIVARE = "Stockholms stad";

  private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String XMP_BASIC = "http://ns.adobe.com/xap/1.0/";

  static {
    // openhtmltopdf logs through java.util.logging by default; route it to SLF4J instead.
    XRLog.setLoggerImpl(new Slf4jXrLogger());
  }

  private final List<Typsnitt> typsnitt;
  private final byte[] fargprofil;

  /**
   * @param typsnitt the fonts the stylesheet may name; at least one
   * @throws IllegalArgumentException when no font is given
   */
  PdfASkrivare(List<Typsnitt> typsnitt) {
    if (typsnitt.isEmpty()) {
      throw new IllegalArgumentException("Minst ett typsnitt behövs");
    }
    this.typsnitt = List.copyOf(typsnitt);
    // The JDK's own sRGB IEC61966-2.1 profile: the output intent PDF/A asks for.
    this.fargprofil = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  }

  /**
   * @param html a well-formed (X)HTML document with {@code lang}, {@code <title>} and
   *     {@code <meta name="author">}
   * @param basUri what relative references in the document resolve against
   * @param identifierare the document's identifier for XMP {@code dc:identifier}, e.g. the dnr; may be null
   * @return the PDF/A-2a bytes
   * @throws DokumentException when the document cannot be laid out or written
   */
  byte[] skriv(String html, String basUri, String identifierare) {
    List<TrueTypeFont> lastaTypsnitt = new ArrayList<>();
    try (PDDocument pdf = new PDDocument()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.usePDDocument(pdf);
      builder.useFastMode();
      builder.usePdfAConformance(NIVA);
      builder.usePdfUaAccessibility(true);
      builder.useColorProfile(fargprofil);
      builder.withProducer(SKAPARVERKTYG + " (openhtmltopdf, Apache PDFBox)");
      for (Typsnitt t : typsnitt) {
        FontStyle stil = t.kursiv() ? FontStyle.ITALIC : FontStyle.NORMAL;
        // The text's font: loaded by us, with PDFBox's glyph substitution (GSUB) off. Latin text
        // needs none, and PDFBox's GSUB for Latin script cost half of all the time spent writing a
        // document (docs/benchmarks.md); it also writes ligatures (fi, fl) whose glyphs carry no
        // Unicode of their own in the text layer. Loaded only when the document uses the font.
        builder.useFont(new PDFontSupplier(null) {
          private PDFont font;

          @Override
          public PDFont supply() {
            if (font == null) {
              font = lasUtanGsub(pdf, t, lastaTypsnitt);
            }
            return font;
          }
        }, t.familj(), t.vikt(), stil, true);
        // The last resort for a family or a glyph the stylesheet's fonts lack, so that no text is
        // ever set in an unembedded font.
        builder.useFont(() -> new ByteArrayInputStream(t.data()), t.familj(), t.vikt(), stil, true,
            EnumSet.of(FSFontUseCase.FALLBACK_FINAL));
      }
      // A document is made from the templates' own files only: nothing is fetched over the network,
      // and no file is embedded (PDF/A-2 allows none; this replaces openhtmltopdf's default rule).
      builder.useExternalResourceAccessControl(
          (uri, typ) -> typ != ExternalResourceType.FILE_EMBED
              && (uri == null || !uri.toLowerCase(Locale.ROOT).matches("^(https?|ftp):.*")),
          ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      builder.withHtmlContent(html, basUri);

      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.createPDFWithoutClosing();
      }
      kompletteraMetadata(pdf, identifierare);
      ByteArrayOutputStream ut = new ByteArrayOutputStream();
      pdf.save(ut);
      return ut.toByteArray();
    } catch (IOException | RuntimeException e) {
      if (e instanceof DokumentException d) {
        throw d;
      }
      throw new DokumentException("PDF-dokumentet kunde inte skrivas: " + e.getMessage(), e);
    } finally {
      for (TrueTypeFont ttf : lastaTypsnitt) {
        try {
          ttf.close();
        } catch (IOException e) {
          // only a buffer in memory
        }
      }
    }
  }

  /** Loads a font into the document, embedded as a subset, with glyph substitution off. */
  private static PDFont lasUtanGsub(PDDocument pdf, Typsnitt t, List<TrueTypeFont> lasta) {
    try {
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(t.data()));
      lasta.add(ttf);
      ttf.setEnableGsub(false);
      return PDType0Font.load(pdf, ttf, true);
    } catch (IOException e) {
      throw new DokumentException("Typsnittet " + t.kalla() + " kunde inte läsas in", e);
    }
  }

  /**
   * Adds what openhtmltopdf leaves out of the XMP packet: dc:language, dc:identifier, dc:publisher and
   * xmp:CreatorTool (the last also in the document information, which must agree with XMP, ISO
   * 19005-2 6.6.3). The packet is edited as XML, so that the PDF/A extension schemas that openhtmltopdf
   * wrote stay exactly as they are.
   */
  private static void kompletteraMetadata(PDDocument pdf, String identifierare) throws IOException {
    PDMetadata strom = pdf.getDocumentCatalog().getMetadata();
    if (strom == null) {
      throw new DokumentException("PDF-dokumentet saknar XMP-metadata");
    }
    try {
      DocumentBuilderFactory fabrik = DocumentBuilderFactory.newInstance();
      fabrik.setNamespaceAware(true);
      fabrik.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      fabrik.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document xmp = fabrik.newDocumentBuilder().parse(new ByteArrayInputStream(strom.toByteArray()));

      Element dc = beskrivning(xmp, DC, "dc");
      String sprak = pdf.getDocumentCatalog().getLanguage();
      if (sprak != null && !sprak.isBlank()) {
        lista(xmp, dc, DC, "dc:language", "rdf:Bag", sprak);
      }
      if (identifierare != null && !identifierare.isBlank()) {
        text(xmp, dc, DC, "dc:identifier", identifierare);
      }
      lista(xmp, dc, DC, "dc:publisher", "rdf:Bag", UTGIVARE);
      text(xmp, beskrivning(xmp, XMP_BASIC, "xmp"), XMP_BASIC, "xmp:CreatorTool", SKAPARVERKTYG);
      pdf.getDocumentInformation().setCreator(SKAPARVERKTYG);

      Transformer transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
      ByteArrayOutputStream ut = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(xmp), new StreamResult(ut));
      strom.importXMPMetadata(ut.toByteArray());
    } catch (ParserConfigurationException | SAXException | TransformerException e) {
      throw new DokumentException("PDF-dokumentets XMP-metadata kunde inte kompletteras", e);
    }
  }

  /** The rdf:Description that holds a schema's properties; a new one when the packet has none. */
  private static Element beskrivning(Document xmp, String namnrymd, String prefix) {
    NodeList beskrivningar = xmp.getElementsByTagNameNS(RDF, "Description");
    for (int i = 0; i < beskrivningar.getLength(); i++) {
      Element beskrivning = (Element) beskrivningar.item(i);
      if (beskrivning.getParentNode().getLocalName().equals("RDF")
          && (beskrivning.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, prefix)
              || beskrivning.getElementsByTagNameNS(namnrymd, "*").getLength() > 0)) {
        return beskrivning;
      }
    }
    Element rdf = (Element) xmp.getElementsByTagNameNS(RDF, "RDF").item(0);
    Element ny = xmp.createElementNS(RDF, "rdf:Description");
    ny.setAttributeNS(RDF, "rdf:about", "");
    ny.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, namnrymd);
    rdf.appendChild(ny);
    return ny;
  }

  private static void text(Document xmp, Element beskrivning, String namnrymd, String namn, String varde) {
    taBort(beskrivning, namnrymd, namn);
    Element egenskap = xmp.createElementNS(namnrymd, namn);
    egenskap.setTextContent(varde);
    beskrivning.appendChild(egenskap);
  }

  private static void lista(Document xmp, Element beskrivning, String namnrymd, String namn, String typ,
                            String varde) {
    taBort(beskrivning, namnrymd, namn);
    Element egenskap = xmp.createElementNS(namnrymd, namn);
    Element behallare = xmp.createElementNS(RDF, typ);
    Element post = xmp.createElementNS(RDF, "rdf:li");
    post.setTextContent(varde);
    behallare.appendChild(post);
    egenskap.appendChild(behallare);
    beskrivning.appendChild(egenskap);
  }

  private static void taBort(Element beskrivning, String namnrymd, String namn) {
    String lokalt = namn.substring(namn.indexOf(':') + 1);
    NodeList gamla = beskrivning.getElementsByTagNameNS(namnrymd, lokalt);
    for (int i = gamla.getLength() - 1; i >= 0; i--) {
      gamla.item(i).getParentNode().removeChild(gamla.item(i));
    }
  }
}
