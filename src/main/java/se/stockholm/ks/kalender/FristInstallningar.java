package se.stockholm.ks.kalender;

import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The configurable deadlines ({@code ks.frister.*}, defaults in {@code kalender.yaml},
 * overridable by environment variables such as {@code KS_FRISTER_REMISSTID=20}). Every value is
 * required, so a missing or misspelt key stops the application at start instead of silently
 * giving 0; unknown keys under {@code ks.frister} are rejected for the same reason.
 *
 * <p>Counts are in working days ({@link Arbetsdagskalender}), at most {@value #MAX_ARBETSDAGAR}
 * (about a year). None of them is set by law; they are the kansli's practice.
 *
 * @param remisstid the default time for a remiss: svarsdatum is proposed as today plus this many
 *     working days
 * @param paminnelseFore the reminder fires this many working days before svarsdatum
 * @param sarskiltUttalandeFore särskilda uttalanden are due this many working days before the
 *     kommunstyrelsen meeting
 * @param promemoriatid the rotel has this many working days to write the promemoria
 * @param brbFramforhallning working days needed between a finished promemoria and the
 *     borgarrådsberedningen meeting it can go to
 * @param ksFramforhallning working days needed between the borgarrådsberedningen meeting and the
 *     kommunstyrelsen meeting
 * @param timerKlockslag the time of day (Europe/Stockholm) at which date timers fire
 * @param kansli KS kansli's own tasks ("Fördela ärendet", "Hantera försenat remissvar", "Ange
 *     sammanträde för BRB/KS") are due this many working days after they are created
 */
@Validated
@ConfigurationProperties(prefix = "ks.frister", ignoreUnknownFields = false)
public record FristInstallningar(
    @NotNull @Min(1) @Max(MAX_ARBETSDAGAR) Integer remisstid,
    @NotNull @Min(0) @Max(MAX_ARBETSDAGAR) Integer paminnelseFore,
    @NotNull @Min(0) @Max(MAX_ARBETSDAGAR) Integer sarskiltUttalandeFore,
    @NotNull @Min(1) @Max(MAX_ARBETSDAGAR) Integer promemoriatid,
    @NotNull @Min(0) @Max(MAX_ARBETSDAGAR) Integer brbFramforhallning,
    @NotNull @Min(0) @Max(MAX_ARBETSDAGAR) Integer ksFramforhallning,
    @NotNull LocalTime timerKlockslag,
    @NotNull @Min(1) @Max(MAX_ARBETSDAGAR) Integer kansli) {

  /** The largest count of working days accepted, about one year. */
  public static final int MAX_ARBETSDAGAR = 260;
}
