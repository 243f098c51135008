namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>
/// Working data that has a review screen: while <see cref="Fixing"/> is set the person is changing one field
/// from that screen, so the dialog goes back to the review instead of on to the next question.
/// </summary>
public interface IReviewedData
{
    bool Fixing { get; set; }
}

/// <summary>
/// A dialog over typed working data: the draft is read from the dialog state before each answer and written
/// back after it (unless the dialog ended or handed the chat to another dialog), so a step only changes the
/// draft. Each dialog keeps its step names as constants; <see cref="NextOrReviewAsync(DialogContext, TData, Action, CancellationToken)"/>
/// is the "next question, or back to the review when fixing one field" every review dialog needs.
/// </summary>
public abstract class Dialog<TData> : IDialog where TData : class, new()
{
    public abstract string Name { get; }

    /// <summary>The commands this dialog answers; the router and the Telegram command menu are built from them.</summary>
    public virtual IEnumerable<DialogCommand> Commands => [];

    public async Task OnAnswerAsync(DialogContext ctx, string step, Answer answer, CancellationToken ct)
    {
        var data = ctx.Data<TData>();
        var starts = ctx.Starts;
        await OnAnswerAsync(ctx, data, step, answer, ct);
        // Not after ending, handing over to another dialog, or starting afresh with other data.
        if (ctx.Dialog == Name && ctx.Starts == starts) ctx.SetData(data);
    }

    public string DescribeProgress(DialogContext ctx) => DescribeProgress(ctx.Data<TData>());

    /// <summary>Handles a validated answer to <paramref name="step"/>; changes to <paramref name="data"/> are saved.</summary>
    protected abstract Task OnAnswerAsync(DialogContext ctx, TData data, string step, Answer answer, CancellationToken ct);

    /// <summary>What the person is in the middle of, for "Bạn đang …, tiếp tục nhé?".</summary>
    protected abstract string DescribeProgress(TData data);

    /// <summary>Starts this dialog with fresh data.</summary>
    protected void Begin(DialogContext ctx, TData data) => ctx.Begin(Name, data);

    /// <summary>Shows the review screen (dialogs over <see cref="IReviewedData"/> override it).</summary>
    public virtual Task ShowReviewAsync(DialogContext ctx, TData data, CancellationToken ct) =>
        throw new NotSupportedException($"{Name} has no review screen");

    /// <summary>Back to the review when one field was being fixed from it; otherwise the next question.</summary>
    protected Task NextOrReviewAsync(DialogContext ctx, TData data, Action next, CancellationToken ct)
    {
        if (data is IReviewedData { Fixing: true }) return ShowReviewAsync(ctx, data, ct);
        next();
        return Task.CompletedTask;
    }

    /// <inheritdoc cref="NextOrReviewAsync(DialogContext, TData, Action, CancellationToken)"/>
    protected Task NextOrReviewAsync(DialogContext ctx, TData data, Func<Task> next, CancellationToken ct) =>
        data is IReviewedData { Fixing: true } ? ShowReviewAsync(ctx, data, ct) : next();
}
