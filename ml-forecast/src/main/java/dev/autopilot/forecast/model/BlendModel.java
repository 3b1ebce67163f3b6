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

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.autopilot.forecast.series.TimeSeries;

/**
 * The equal-weight mean of several models. Errors of different model families partly cancel, which is why QB5000
 * averages its models; the selector keeps a blend only where it validates better than each member.
 */
public final class BlendModel implements ForecastModel {
    private final List<ForecastModel> members;
    private final String name;

    public BlendModel(List<ForecastModel> members) {
        if (members.size() < 2)
            throw new IllegalArgumentException("a blend needs at least two members: " + members.size());
        this.members = List.copyOf(members);
        this.name = members.stream().map(ForecastModel::name).collect(Collectors.joining("+"));
    }

    @Override public String name() {
        return name;
    }

    @Override public int minOrigin() {
        return members.stream().mapToInt(ForecastModel::minOrigin).max().orElse(0);
    }

    @Override public Predictor bind(TimeSeries s) {
        Predictor[] bound = members.stream().map(m -> m.bind(s)).toArray(Predictor[]::new);
        return (origin, out) -> {
            double[] tmp = new double[out.length];
            Arrays.fill(out, 0);
            for (Predictor p : bound) {
                p.forecast(origin, tmp);
                for (int i = 0; i < out.length; i++)
                    out[i] += tmp[i] / bound.length;
            }
        };
    }
}
