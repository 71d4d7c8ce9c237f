package se.stockholm.ks.diarium;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the diarium ({@code ks.diarium.*}).
 *
 * @param diarium the registry's code in diarienummer, e.g. {@code KS}
 * @param forstaLopnummer per year, the first serial number to hand out (a series continued from an
 *     earlier diarium system); years not listed start at 1
 * @param maxFilstorlek the largest file accepted as a handling
 * @param maxTextlangd the longest text accepted as a handling, in characters
 * @param tillatnaMediatyper the media types accepted for files, detected from the content
 */
@Validated
@ConfigurationProperties("ks.diarium")
public record DiariumInstallningar(
    @DefaultValue("KS") @NotBlank String diarium,
    @DefaultValue Map<Integer, Integer> forstaLopnummer,
    @DefaultValue("25MB") DataSize maxFilstorlek,
    @DefaultValue("1000000") @Positive int maxTextlangd,
    @NotEmpty List<String> tillatnaMediatyper) {

  /**
   * @param ar a year
   * @return the first serial number of that year
   */
  public int forstaLopnummer(int ar) {
    return forstaLopnummer.getOrDefault(ar, 1);
  }
}
