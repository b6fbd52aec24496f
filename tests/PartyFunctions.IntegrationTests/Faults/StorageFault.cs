namespace PartyFunctions.IntegrationTests.Faults;

/// <summary>What the app sees from one storage call once the Azure SDK's own retries are spent.</summary>
public enum StorageFault
{
    /// <summary>503 Server Busy: nothing was done.</summary>
    ServerBusy,

    /// <summary>500 Internal Error: nothing was done.</summary>
    InternalError,

    /// <summary>Every attempt timed out before reaching storage: the SDK's "Retry failed after 4 tries" of timeouts.</summary>
    Timeout,

    /// <summary>The call reached storage and was applied, then its answer timed out: the app cannot tell it was done.</summary>
    TimeoutAfterWrite,

    /// <summary>The call was applied, its answer was lost, and the SDK's retry repeated it: the app sees the repeat's answer (a 409 or 412 for a write).</summary>
    RepeatedAfterLostAnswer,
}

public enum StorageService
{
    Table,
    Blob,
    Queue,
}

/// <summary>One storage call the app made, numbered from 1 in the order the calls started.</summary>
public sealed record StorageCall(int Number, StorageService Service, string Method, string Path)
{
    public override string ToString() => $"#{Number} {Service} {Method} {Path}";
}
