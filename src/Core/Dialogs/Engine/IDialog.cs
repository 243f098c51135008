namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>
/// A guided dialog: it receives each validated answer for the step it asked, and asks the next question.
/// Derive from <see cref="Dialog{TData}"/> rather than implementing this directly.
/// </summary>
public interface IDialog : IDeclaresCommands
{
    /// <summary>Stored in <see cref="DialogState.Dialog"/>.</summary>
    string Name { get; }

    Task OnAnswerAsync(DialogContext ctx, string step, Answer answer, CancellationToken ct);

    /// <summary>What the person is in the middle of, for "Bạn đang … , tiếp tục nhé?" ("báo cáo dở tuần 3").</summary>
    string DescribeProgress(DialogContext ctx);
}
