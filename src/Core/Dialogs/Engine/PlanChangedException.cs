namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>
/// A draft points at plan data the office has since deleted (a period, an activity, a metric, a report). The
/// router answers it with "the plan changed, start again"; every other exception is a bug and takes the
/// processor's logged retry path instead of silently wiping the draft.
/// </summary>
public sealed class PlanChangedException(string what, object key)
    : Exception($"The plan no longer has {what} {key}");
