using Azure.Data.Tables;
using PartyFunctions.Configuration;

namespace PartyFunctions.Infrastructure.Attendance;

/// <summary>The attendance table (the archive is the submissions' container, kind <c>attendance</c>).</summary>
public sealed class AttendanceTables(StorageNamespace storage)
{
    public Task<TableClient> RecordsAsync() => storage.TableAsync(StorageNames.AttendanceTable);
}
