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

package dev.autopilot.testkit;

import java.util.function.UnaryOperator;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A cluster that lives as long as a test class: started before its {@code @BeforeAll} methods, stopped after its
 * {@code @AfterAll} methods, also when a start or a test failed, so that no node outlives its class and holds ports or
 * memory into the next one. Starting a cluster once per class rather than per test keeps a module's test run short.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final IgniteClusterExtension CLUSTER = new IgniteClusterExtension(2);
 * </pre>
 */
public final class IgniteClusterExtension extends IgniteTestCluster implements BeforeAllCallback, AfterAllCallback {
    private final int size;

    /** A cluster of {@code size} nodes configured by the kit alone. */
    public IgniteClusterExtension(int size) {
        this(size, UnaryOperator.identity());
    }

    /** A cluster of {@code size} nodes whose configurations {@code configurer} completes. */
    public IgniteClusterExtension(int size, UnaryOperator<IgniteConfiguration> configurer) {
        super(configurer);
        this.size = size;
    }

    @Override public void beforeAll(ExtensionContext context) {
        start(size);
    }

    @Override public void afterAll(ExtensionContext context) {
        close();
    }
}
