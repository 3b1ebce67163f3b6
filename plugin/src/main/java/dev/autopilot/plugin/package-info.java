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

/**
 * Autopilot as an Ignite plugin: its provider, configuration and run-time settings, and its Java API.
 *
 * <p><b>API</b>: users program against the public types here. Users start with {@link
 * dev.autopilot.plugin.AutopilotPluginProvider}, {@link dev.autopilot.plugin.AutopilotConfiguration} and {@link
 * dev.autopilot.plugin.AutopilotPlugin}; the package-private classes wire the modules together.
 */
package dev.autopilot.plugin;
