package se.stockholm.ks.support;

import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The {@code oidc} profile's tests: one real provider ({@link OidcLeverantor}) for the JVM, its officials,
 * integrations and the application's group mapping table.
 *
 * <p>Officials (login page, password {@link OidcLeverantor#LOSENORD}): {@code rebecka} (KS-Registratorer →
 * ks-kansli), {@code hugo} (SLK-Handlaggare → stadsledningskontoret), {@code ada} (Skrivelseprocessen-Administratorer
 * → camunda-admin), {@code utan-roll} (Kantin: no row in the table). Integrations (client credentials): {@code e-tjanst} (role skrivelser.integration → integration),
 * {@code okand-klient} (an unmapped role), {@code annan-app} (a token for another API: {@code aud}
 * annat-api), {@code administrator} (camunda-admin), and one client per demo user of {@code BehorighetIT} with its group's directory role.
 */
public final class OidcTestmiljo {

  /** The mapping table: directory group or role, process group. */
  public static final Map<String, String> MAPPNING = Map.of(
      "KS-Registratorer", "ks-kansli",
      "SLK-Handlaggare", "stadsledningskontoret",
      "Rotel-I", "rotel-i",
      "BRB-Sekreterare", "brb-sekreterare",
      "KS-Sekreterare", "ks-sekreterare",
      "Liberalerna", "parti-l",
      "Processagare", "processagare",
      "Skrivelseprocessen-Drift", "drift",
      "skrivelser.integration", "integration",
      "Skrivelseprocessen-Administratorer", "camunda-admin");

  private static OidcLeverantor leverantor;

  private OidcTestmiljo() {
  }

  /** @return the JVM's provider, started at the first call */
  public static synchronized OidcLeverantor leverantor() {
    if (leverantor == null) {
      leverantor = OidcLeverantor.starta(
          Map.of("rebecka", List.of("KS-Registratorer", "Alla-anstallda"),
              "hugo", List.of("SLK-Handlaggare"),
              "ada", List.of("Skrivelseprocessen-Administratorer"),
              "utan-roll", List.of("Kantin")),
          Map.ofEntries(
              Map.entry("e-tjanst", Map.of("roles", List.of("skrivelser.integration"))),
              Map.entry("okand-klient", Map.of("roles", List.of("nagot.annat"))),
              Map.entry("annan-app", Map.of("roles", List.of("skrivelser.integration"), "aud", "annat-api")),
              Map.entry("registrator", Map.of("roles", List.of("KS-Registratorer"))),
              Map.entry("handlaggare", Map.of("roles", List.of("SLK-Handlaggare"))),
              Map.entry("rotel1", Map.of("roles", List.of("Rotel-I"))),
              Map.entry("brbsekreterare", Map.of("roles", List.of("BRB-Sekreterare"))),
              Map.entry("kssekreterare", Map.of("roles", List.of("KS-Sekreterare"))),
              Map.entry("liberalerna", Map.of("roles", List.of("Liberalerna"))),
              Map.entry("processagare", Map.of("roles", List.of("Processagare"))),
              Map.entry("prometheus", Map.of("roles", List.of("Skrivelseprocessen-Drift"))),
              Map.entry("integration", Map.of("roles", List.of("skrivelser.integration"))),
              Map.entry("administrator", Map.of("roles", List.of("Skrivelseprocessen-Administratorer")))));
      Runtime.getRuntime().addShutdownHook(new Thread(leverantor::close));
    }
    return leverantor;
  }

  /**
   * The application's {@code ks.oidc.*} for the provider.
   *
   * @param r the test's dynamic properties
   */
  public static void egenskaper(DynamicPropertyRegistry r) {
    argument().forEach(a -> {
      String[] delar = a.substring(2).split("=", 2);
      r.add(delar[0], () -> delar[1]);
    });
  }

  /**
   * The same as command-line arguments, for an application started in a JVM of its own ({@link Nod}).
   *
   * @return {@code --ks.oidc.…=…} arguments
   */
  public static List<String> argument() {
    OidcLeverantor l = leverantor();
    List<String> argument = new java.util.ArrayList<>(List.of("--ks.oidc.utfardare=" + l.utfardare(),
        "--ks.oidc.klient-id=" + OidcLeverantor.KLIENT_ID, "--ks.oidc.klient-hemlighet=" + OidcLeverantor.HEMLIGHET,
        "--ks.oidc.malgrupp=" + OidcLeverantor.MALGRUPP));
    int i = 0;
    for (Map.Entry<String, String> rad : MAPPNING.entrySet()) {
      argument.add("--ks.oidc.gruppmappning[" + i + "].fran=" + rad.getKey());
      argument.add("--ks.oidc.gruppmappning[" + i + "].grupper[0]=" + rad.getValue());
      i++;
    }
    return argument;
  }
}
