package se.stockholm.ks.earkiv;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Handlingstyp;

/**
 * The informationshanteringsplan's lines for this application's handlingar
 * ({@code ks.earkiv.informationshanteringsplan}, one line per handlingstyp): {@code bevaras} (kept
 * for good) or {@code gallras efter N år} (may be gallrad N years after the day its ärende was
 * closed). A handlingstyp without a line is kept: nothing is gallrad without a rule. A line that says
 * anything else stops the application at start with the line named.
 */
@Component
public class Informationshanteringsplan {

  private static final Pattern GALLRAS = Pattern.compile("gallras efter (\\d{1,3}) år");

  /**
   * A line of the plan.
   *
   * @param handlingstyp the handlingstyp it covers
   * @param gallrasEfterAr the years after the ärende's close after which it may be gallrad, or null (bevaras)
   */
  public record Planrad(Handlingstyp handlingstyp, Integer gallrasEfterAr) {

    /** @return the line as the plan writes it, e.g. {@code REMISS: gallras efter 2 år} */
    public String text() {
      return handlingstyp.name() + ": " + (gallrasEfterAr == null ? "bevaras" : "gallras efter " + gallrasEfterAr + " år");
    }
  }

  private final Map<Handlingstyp, Planrad> rader = new EnumMap<>(Handlingstyp.class);
  private final String beteckning;

  Informationshanteringsplan(EarkivInstallningar installningar) {
    this.beteckning = installningar.informationshanteringsplanensBeteckning();
    for (var e : installningar.informationshanteringsplan().entrySet()) {
      rader.put(e.getKey(), tolka(e.getKey(), e.getValue()));
    }
  }

  /**
   * @param typ a handlingstyp
   * @param text the plan's wording
   * @return the line
   * @throws IllegalArgumentException (in Swedish) when the wording is neither form
   */
  static Planrad tolka(Handlingstyp typ, String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.forLanguageTag("sv")).replaceAll("\\s+", " ");
    if (t.equals("bevaras")) {
      return new Planrad(typ, null);
    }
    Matcher m = GALLRAS.matcher(t);
    if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
      return new Planrad(typ, Integer.parseInt(m.group(1)));
    }
    throw new IllegalArgumentException("ks.earkiv.informationshanteringsplan." + typ.name() + ": \"" + text
        + "\" är varken \"bevaras\" eller \"gallras efter N år\" (N ett helt antal år, minst 1).");
  }

  /**
   * @param typ a handlingstyp
   * @return its line; a handlingstyp the plan does not name is kept (bevaras)
   */
  public Planrad rad(Handlingstyp typ) {
    return Optional.ofNullable(rader.get(typ)).orElse(new Planrad(typ, null));
  }

  /** @return the lines that allow gallring */
  public Map<Handlingstyp, Planrad> gallringsrader() {
    Map<Handlingstyp, Planrad> g = new EnumMap<>(Handlingstyp.class);
    rader.forEach((k, v) -> {
      if (v.gallrasEfterAr() != null) {
        g.put(k, v);
      }
    });
    return g;
  }

  /** @return the plan's name and diarienummer (ks.earkiv.informationshanteringsplanens-beteckning) */
  public String beteckning() {
    return beteckning;
  }
}
