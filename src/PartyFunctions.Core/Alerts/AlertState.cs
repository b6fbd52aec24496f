namespace PartyFunctions.Alerts;

/// <summary>Open alerts climb their chain; acknowledged ones stop climbing but stay open; resolved ones are done.</summary>
public enum AlertState
{
    Open,
    Acknowledged,
    Resolved,
}
