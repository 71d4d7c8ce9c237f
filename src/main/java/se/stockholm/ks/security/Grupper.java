package se.stockholm.ks.security;

/**
 * The fixed candidate groups of the process. The rotlar ({@code rotel-i}, …), the parties
 * ({@code parti-l}, …) and the remissinstanser's groups come from
 * {@link se.stockholm.ks.organisation.Organisation}.
 */
public final class Grupper {

  /** Registrator and kansli at kommunstyrelsen: intake, fördelning, escalations. */
  public static final String KS_KANSLI = "ks-kansli";
  /** Secretary of borgarrådsberedningen: records the outcome. */
  public static final String BRB_SEKRETERARE = "brb-sekreterare";
  /** Secretary of kommunstyrelsen: records the beslut, justering and anslag. */
  public static final String KS_SEKRETERARE = "ks-sekreterare";
  /** Process owners: watch every case in Cockpit, change nothing. */
  public static final String PROCESSAGARE = "processagare";
  /** Operations (drift): read the metrics at {@code /actuator/prometheus}, nothing in the engine. */
  public static final String DRIFT = "drift";
  /** Service accounts of other systems: start, read and withdraw cases over REST. */
  public static final String INTEGRATION = "integration";
  /** Archivists: export closed ärenden to the e-arkiv (arkivpaket), nothing else. */
  public static final String ARKIVARIE = "arkivarie";
  /** Camunda's administrators (created by the starter with the admin user). */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  private Grupper() {
  }
}
