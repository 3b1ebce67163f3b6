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

package dev.autopilot.affinity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The metastorage key of a plan: the plan's name and a digest of the sorted consistent ids of the node set it is
 * for. One key per node set is what lets a plan be written once and never changed: the same node set always finds the
 * same plan, a new node set finds none until one is written for it.
 */
public final class PlanKey {
    /** Prefix of every plan key. */
    public static final String PREFIX = "autopilot.affinity.plan.";

    private PlanKey() {
    }

    /**
     * @param planName Name of the plan (one per cache group).
     * @param consistentIds Consistent ids of the node set, in any order.
     * @return The key.
     */
    public static String of(String planName, Collection<String> consistentIds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : new TreeSet<>(consistentIds)) {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte)'\n');
            }
            return PREFIX + planName + '.' + HexFormat.of().formatHex(sha.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
