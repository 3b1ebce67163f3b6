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

package dev.autopilot.forecast.model;

import java.util.List;

import org.apache.ignite.ml.IgniteModel;
import org.apache.ignite.ml.composition.ModelsComposition;
import org.apache.ignite.ml.composition.predictionsaggregator.MeanValuePredictionsAggregator;
import org.apache.ignite.ml.math.primitives.vector.Vector;
import org.apache.ignite.ml.math.primitives.vector.VectorUtils;
import org.apache.ignite.ml.tree.DecisionTreeConditionalNode;
import org.apache.ignite.ml.tree.DecisionTreeLeafNode;
import org.apache.ignite.ml.tree.DecisionTreeModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TreeRepairTest {
    @Test
    void anEmptyBranchAnswersLikeItsSibling() {
        DecisionTreeConditionalNode root = new DecisionTreeConditionalNode(0, 5.0, null, new DecisionTreeLeafNode(7.0), null);
        IgniteModel<Vector, Double> ensemble = new ModelsComposition<>(List.of(new DecisionTreeModel(root)),
            new MeanValuePredictionsAggregator());
        assertThrows(NullPointerException.class, () -> ensemble.predict(VectorUtils.of(9.0)));
        TreeRepair.fillEmptyBranches(ensemble);
        assertEquals(7.0, ensemble.predict(VectorUtils.of(9.0)));
        assertEquals(7.0, ensemble.predict(VectorUtils.of(1.0)));
    }
}
