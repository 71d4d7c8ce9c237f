package se.stockholm.ks.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link StartRefusedException}, wherever in the start it was thrown (also wrapped in bean
 * creation exceptions), into Spring Boot's short "APPLICATION FAILED TO START" report with the
 * Swedish message and what to do — no stack trace. Registered in {@code META-INF/spring.factories}.
 */
public class StartRefusalFailureAnalyzer extends AbstractFailureAnalyzer<StartRefusedException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartRefusedException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.atgard(), cause);
  }
}
