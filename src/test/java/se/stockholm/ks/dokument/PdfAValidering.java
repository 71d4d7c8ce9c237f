package se.stockholm.ks.dokument;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Validates a PDF against a PDF/A or PDF/UA profile with veraPDF (the greenfield parser). */
final class PdfAValidering {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfAValidering() {
  }

  /**
   * @param pdf a PDF
   * @param profil the profile, e.g. {@link PDFAFlavour#PDFA_2_A}
   * @return the failed rules, each as "rule: message (context)"; empty when the PDF complies
   */
  static List<String> fel(byte[] pdf, PDFAFlavour profil) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), profil);
         PDFAValidator validator = Foundries.defaultInstance().createValidator(profil, false)) {
      ValidationResult resultat = validator.validate(parser);
      List<String> fel = resultat.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
              + a.getMessage() + " (" + a.getLocationContext() + ")")
          .distinct()
          .toList();
      if (!resultat.isCompliant() && fel.isEmpty()) {
        return List.of("inte förenlig med " + profil + ", utan angivna fel");
      }
      return fel;
    }
  }
}
