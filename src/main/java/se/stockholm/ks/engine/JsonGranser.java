package se.stockholm.ks.engine;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * One limit for a JSON string on every door: {@value #MAX_STRANG} characters, as long as the largest
 * JSON request ({@code se.stockholm.ks.api.BegaransStorlek}, 45 MB), so a file of the documented
 * largest size (25 MB, 33.4 MB in base64) parses everywhere and is then refused or accepted by the
 * file rules (400 problem+json "Filen '…' är 26,0 MB; största tillåtna storlek är 25,0 MB").
 *
 * <p>Jackson's own default (20,000,000 characters, a file of about 14 MB in base64) applied to every
 * parser the application did not configure itself: the engine's REST API and the webapps' API
 * (Tasklist's submit-form), whose object mappers Camunda creates per request, and Spin's. They failed
 * with a raw parser message. Jackson takes the default when a parser factory is made, so it is set
 * when the application starts, before any of them exists (registered in
 * {@code META-INF/spring.factories}).
 */
public class JsonGranser implements ApplicationListener<ApplicationStartingEvent> {

  /** The longest JSON string, in characters: 45 MB. */
  public static final int MAX_STRANG = 45 * 1024 * 1024;

  @Override
  public void onApplicationEvent(ApplicationStartingEvent event) {
    installera();
  }

  /** Sets Jackson's default limits for every parser factory made from now on. */
  public static void installera() {
    StreamReadConstraints standard = StreamReadConstraints.defaults();
    if (standard.getMaxStringLength() < MAX_STRANG) {
      StreamReadConstraints.overrideDefaultStreamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(MAX_STRANG)
          .maxNestingDepth(standard.getMaxNestingDepth())
          .maxNumberLength(standard.getMaxNumberLength())
          .build());
    }
  }
}
