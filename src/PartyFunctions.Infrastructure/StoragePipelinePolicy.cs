using Azure.Core;
using Azure.Core.Pipeline;

namespace PartyFunctions;

/// <summary>
/// A policy added to every storage client's pipeline (tables, blobs, queues). Production registers none; the
/// benchmarks count round trips with one and the reliability tests inject faults with one, through the same clients
/// the app uses. <see cref="HttpPipelinePosition.PerRetry"/> sees every attempt, <see cref="HttpPipelinePosition.PerCall"/>
/// sees each call once, before the SDK's retries.
/// </summary>
public sealed record StoragePipelinePolicy(HttpPipelinePolicy Policy, HttpPipelinePosition Position = HttpPipelinePosition.PerRetry);
