package se.stockholm.ks.engine;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.engine.variable.value.FileValue;

import se.stockholm.ks.diarium.Innehallskontroll;
import se.stockholm.ks.diarium.OgiltigHandlingException;

/** Checks a file attached in a form before the task completes, so the user sees the problem. */
public final class Filkontroll {

  private Filkontroll() {
  }

  /**
   * Checks an attached file's size and type, recording a form error.
   *
   * @param f the form
   * @param variabel the file variable
   * @param kontroll the content rules
   */
  public static void kontrollera(Formular f, String variabel, Innehallskontroll kontroll) {
    FileValue fil = f.fil(variabel);
    if (fil == null) {
      return;
    }
    try (InputStream in = fil.getValue()) {
      kontroll.kontrolleraFil(in.readAllBytes(), fil.getFilename());
    } catch (OgiltigHandlingException e) {
      f.fel(variabel, e.getMessage());
    } catch (IOException e) {
      f.fel(variabel, "Filen kunde inte läsas.");
    }
  }
}
