package dev.autopilot.examples.workload;

import java.util.List;
import java.util.Random;

/**
 * Draws the parameter values of one execution of a {@link QueryTemplate}.
 *
 * <p>The caller owns the {@link Random}, so a seeded run repeats exactly. Values are {@link Long}, {@link Integer},
 * {@link java.math.BigDecimal}, {@link String} or {@link java.time.LocalDate}, one per {@code ?}, in order.
 */
@FunctionalInterface
public interface ParameterGenerator {
    List<Object> next(Random random);
}
