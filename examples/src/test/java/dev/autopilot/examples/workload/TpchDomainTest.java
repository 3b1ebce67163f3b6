/*
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.autopilot.examples.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trino.tpch.LineItem;
import io.trino.tpch.Order;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The value domains against what the generator really produces at a small scale. */
class TpchDomainTest {
    private static final double SCALE = 0.001;

    @Test
    void orderKeysFollowTheGeneratorsSparseNumbering() {
        long index = 0;

        for (Order order : TpchGenerators.orders(SCALE, 1, 1))
            assertEquals(order.getOrderKey(), TpchDomain.orderKey(++index));

        assertEquals(TpchDomain.forScale(SCALE).orderCount(), index);
    }

    @Test
    void drawnOrderKeysExist() {
        Set<Long> keys = new HashSet<>();

        for (Order order : TpchGenerators.orders(SCALE, 1, 1))
            keys.add(order.getOrderKey());

        TpchDomain domain = TpchDomain.forScale(SCALE);
        Random random = new Random(3);

        for (int i = 0; i < 1000; i++)
            assertTrue(keys.contains(domain.randomOrderKey(random)));
    }

    @Test
    void generatedValuesLieInTheDeclaredDomains() {
        for (LineItem line : TpchGenerators.lineItems(SCALE, 1, 1)) {
            LocalDate shipDate = LocalDate.ofEpochDay(line.getShipDate());

            assertTrue(!shipDate.isBefore(TpchDomain.FIRST_SHIP_DATE) && !shipDate.isAfter(TpchDomain.LAST_SHIP_DATE),
                shipDate::toString);
            assertTrue(TpchDomain.SHIP_MODES.contains(line.getShipMode()), line.getShipMode());
            assertTrue(TpchDomain.FLAG_STATUS_PAIRS.contains(List.of(line.getReturnFlag(), line.getStatus())),
                line.getReturnFlag() + line.getStatus());
        }
    }

    @Test
    void rejectsScaleFactorsThatGenerateNothing() {
        assertEquals("scaleFactor is too small to generate a single order: 1.0E-7",
            assertThrows(IllegalArgumentException.class,
                () -> TpchDomain.forScale(1e-7)).getMessage());
    }
}
