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

package dev.autopilot.affinity.internal;

import java.util.concurrent.atomic.AtomicLong;
import dev.autopilot.affinity.hot.Exchanges;
import org.apache.ignite.Ignite;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.cache.GridCachePartitionExchangeManager;
import org.apache.ignite.internal.processors.cache.distributed.dht.preloader.GridDhtPartitionsExchangeFuture;
import org.apache.ignite.internal.processors.cache.distributed.dht.preloader.PartitionsExchangeAware;

/**
 * Follows the partition map exchanges of one node through Ignite's internal exchange listener. An exchange's init runs
 * on every server before that server sends its part of the exchange, and no node finishes the exchange (and serves
 * under the new assignment) before every part arrived, so {@link #epoch()} changes here before any node acknowledges a
 * write under a new primary. A partition-map-exchange-free switch (a node left) moves only the primaries of the node
 * that left.
 */
public final class ExchangeEpochs implements Exchanges, PartitionsExchangeAware {
    private final GridCachePartitionExchangeManager<?, ?> exchange;
    private final Runnable onChange;
    private final AtomicLong epoch = new AtomicLong();

    private ExchangeEpochs(GridCachePartitionExchangeManager<?, ?> exchange, Runnable onChange) {
        this.exchange = exchange;
        this.onChange = onChange;
    }

    /**
     * @param onChange runs (on Ignite's exchange thread, so it must be quick) after each change of the epoch
     * @return the exchanges of {@code ignite}'s node, followed from now on
     */
    public static ExchangeEpochs follow(Ignite ignite, Runnable onChange) {
        GridCachePartitionExchangeManager<?, ?> exchange = ((IgniteEx)ignite).context().cache().context().exchange();
        ExchangeEpochs epochs = new ExchangeEpochs(exchange, onChange);
        exchange.registerExchangeAwareComponent(epochs);
        return epochs;
    }

    @Override public long epoch() {
        return epoch.get();
    }

    @Override public boolean settled() {
        GridDhtPartitionsExchangeFuture last = exchange.lastTopologyFuture();
        return last != null && last.isDone();
    }

    @Override public void onInitBeforeTopologyLock(GridDhtPartitionsExchangeFuture fut) {
        advance();
    }

    @Override public void onDoneAfterTopologyUnlock(GridDhtPartitionsExchangeFuture fut) {
        advance();
    }

    private void advance() {
        epoch.incrementAndGet();
        onChange.run();
    }
}
