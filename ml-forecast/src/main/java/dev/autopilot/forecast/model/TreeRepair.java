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

import org.apache.ignite.ml.IgniteModel;
import org.apache.ignite.ml.composition.ModelsComposition;
import org.apache.ignite.ml.math.primitives.vector.Vector;
import org.apache.ignite.ml.tree.DecisionTreeConditionalNode;
import org.apache.ignite.ml.tree.DecisionTreeModel;
import org.apache.ignite.ml.tree.DecisionTreeNode;

/**
 * Works around an Ignite ML 2.15 tree defect: when the best split falls on tied feature values, the
 * {@code value > threshold} branch receives no training rows and is left {@code null}, so predicting an unseen value
 * above the threshold throws a {@link NullPointerException}. Such a branch is pointed at its sibling: with no
 * training rows of its own, the sibling's answer is the best one available.
 */
final class TreeRepair {
    private TreeRepair() {
    }

    /** Repairs every tree of a boosted ensemble in place; other models are returned unchanged. */
    static IgniteModel<Vector, Double> fillEmptyBranches(IgniteModel<Vector, Double> model) {
        if (model instanceof ModelsComposition<?> composition) {
            for (IgniteModel<Vector, Double> member : composition.getModels()) {
                if (member instanceof DecisionTreeModel tree)
                    repair(tree.getRootNode());
            }
        }
        return model;
    }

    private static void repair(DecisionTreeNode node) {
        if (!(node instanceof DecisionTreeConditionalNode cond))
            return;
        if (cond.getThenNode() == null)
            cond.setThenNode(cond.getElseNode());
        if (cond.getElseNode() == null)
            cond.setElseNode(cond.getThenNode());
        repair(cond.getThenNode());
        if (cond.getElseNode() != cond.getThenNode())
            repair(cond.getElseNode());
    }
}
