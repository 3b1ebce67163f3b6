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

package dev.autopilot.adaptation.manage;

/**
 * How the manager waits before it tries a failed step again: the real one sleeps, a test's advances its own clock, so
 * that a test of the retries neither sleeps nor depends on how long a sleep takes.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps the calling thread. */
    Sleeper REAL = Thread::sleep;

    /**
     * @param millis how long to wait
     * @throws InterruptedException when the thread was interrupted meanwhile
     */
    void sleep(long millis) throws InterruptedException;
}
