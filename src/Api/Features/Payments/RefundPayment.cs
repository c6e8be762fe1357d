using Restaurant.Api.Features.Events;
using FluentValidation;
using MediatR;
using Restaurant.Api.Features.Payments.Gateways;
using Restaurant.Api.Features.Shared;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Payments;

public static class RefundPayment
{
    public sealed record Body(string? TenderId, decimal? Amount, string? Reason);

    /// <summary>Staff give back part or all of a succeeded tender, with a reason; <see cref="By"/> is the staff key's id.</summary>
    public sealed record Command(string OrderId, string? TenderId, decimal? Amount, string? Reason, string By) : ISteppedCommand<RefundView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.TenderId).NotEmpty().MaximumLength(Order.IdLength).CleanText();
            RuleFor(c => c.Amount).NotNull().Must(a => a is null || (a > 0 && a < 1_000_000_000m && decimal.Round(a.Value, 2) == a))
                .WithMessage("amount is positive, with at most two decimals.");
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= LineAudit.MaxReasonLength)
                .WithMessage($"Give a reason of 1 to {LineAudit.MaxReasonLength} characters.").CleanText();
        }
    }

    /// <summary>
    /// Commits in steps, as a payment does: the refund is written (pending, for a card) under the order's lock, so two
    /// staff refunding one tender at once take turns and never give back more than it took; then the gateway is asked
    /// with the refund's own key, and its answer recorded. An answer that never comes leaves the refund pending for
    /// <see cref="RefundReconciler"/>, which asks again with the same key and so never refunds twice.
    /// </summary>
    public sealed class Handler(RestaurantDbContext db, ICardGateway gateway, TimeProvider clock, ILogger<Handler> logger)
        : IRequestHandler<Command, RefundView>
    {
        public async Task<RefundView> Handle(Command command, CancellationToken cancellationToken)
        {
            var (refund, tender) = await db.InCommandTransactionAsync(async () =>
            {
                var order = await db.LoadOrderForChangeAsync(command.OrderId, cancellationToken);
                var written = order.Refund(command.TenderId!, Money.FromMajor(command.Amount!.Value), command.Reason, command.By, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                db.RecordEvent(KitchenAndMoneyEvents.Refunded(order, written));
                return (written, order.Tenders.Single(t => t.Id == written.TenderId));
            }, cancellationToken);
            if (refund.Status != RefundStatus.Pending) return RefundView.From(refund);

            // Money may move from here on: a caller who hangs up must not stop the outcome from being recorded.
            RefundOutcome outcome;
            try
            {
                outcome = await gateway.RefundAsync(RefundOutcomes.RefundFor(refund, tender, command.OrderId, askingAgain: false), CancellationToken.None);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Refund {RefundId} failed unexpectedly; it stays pending", refund.Id);
                outcome = RefundOutcome.Unknown();
            }
            try
            {
                await db.RecordRefundAsync(clock, command.OrderId, refund.Id, outcome);
                db.ChangeTracker.Clear();
                var order = await db.LoadOrderAsync(command.OrderId, CancellationToken.None);
                return RefundView.From(order.Refunds.Single(r => r.Id == refund.Id));
            }
            catch (Exception exception) when (DbErrors.IsUnavailable(exception))
            {
                // The refund was written and the gateway asked: this call is not "nothing changed".
                throw new WriteOutcomeUnknownException(exception);
            }
        }
    }
}
