using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Attendance;

namespace PartyFunctions.Infrastructure.Attendance;

/// <summary>The attendance records' wiring (store, use cases), called once from <c>AddPartyFunctions</c>.</summary>
public static class AttendanceServiceCollectionExtensions
{
    public static IServiceCollection AddAttendance(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<AttendanceTables>();
        services.AddSingleton<IAttendanceStore, TableAttendanceStore>();
        services.AddSingleton<RecordAttendance>();
        services.AddSingleton<CheckScoreGap>();
        services.AddSingleton<ViewMemberDesk>();
        services.AddSingleton<ViewAttendanceDuty>();
        services.AddSingleton<DutyFollowUp>();
        return services;
    }
}
