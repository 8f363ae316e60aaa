/** The rating flow's model and body building, without a browser. */
import { describe, expect, test } from 'vitest';
import { createFlow } from '../../kiosk/src/common/flow/model.ts';
import { checkedInput, toInput, validate } from '../../kiosk/src/common/flow/submit.ts';

function filledFlow() {
  const flow = createFlow({ channel: 'kiosk', deviceId: 'kiosk-abc' });
  flow.rate(2);
  flow.toggleReason('waiting_time');
  flow.toggleReason('fees');
  flow.toggleReason('waiting_time');
  flow.procedureCode.value = '2.001417';
  flow.comment.value = '  Chờ lâu qua\u0301  '; // decomposed "quá", padded
  flow.name.value = 'Lê Thị Mai';
  flow.phone.value = '0912 345 678';
  return flow;
}

describe('rating flow', () => {
  test('a rating carries what was tapped and typed, NFC-normalized, and no contact data', () => {
    const input = toInput(filledFlow(), 'stp-quay-02', 'rating');

    expect(input).toMatchObject({ counterId: 'stp-quay-02', kind: 'rating', channel: 'kiosk', rating: 2, reasons: ['fees'], procedureCode: '2.001417', comment: 'Chờ lâu quá', deviceId: 'kiosk-abc' });
    expect(input).not.toHaveProperty('contact');
    expect(input).not.toHaveProperty('consent');
    expect(Date.parse(input.submittedAt!)).not.toBeNaN();
    expect(validate(input)).toEqual({});
  });

  test('a petition without consent is refused on the device with the API rule', () => {
    const flow = filledFlow();

    expect(checkedInput(flow, 'stp-quay-02', 'pakn')).toBeUndefined();
    expect(flow.errors.value).toEqual({ consent: 'err.consent' });

    flow.consent.value = true;
    expect(checkedInput(flow, 'stp-quay-02', 'pakn')).toMatchObject({ kind: 'pakn', consent: true, contact: { name: 'Lê Thị Mai', phone: '0912 345 678' } });
  });

  test('the petition says whether its content may be published: not unless the person ticks it', () => {
    const flow = filledFlow();
    flow.consent.value = true;

    const unticked = toInput(flow, 'stp-quay-02', 'pakn');
    flow.allowPublication.value = true;
    const ticked = toInput(flow, 'stp-quay-02', 'pakn');
    flow.reset();

    expect(unticked).not.toHaveProperty('allowPublication');
    expect(ticked).toMatchObject({ allowPublication: true });
    expect(toInput(flow, 'stp-quay-02', 'rating')).not.toHaveProperty('allowPublication');
    expect(flow.allowPublication.value).toBe(false);
  });

  test('schema errors map to field messages', () => {
    const flow = filledFlow();
    flow.phone.value = '12345';
    flow.consent.value = true;

    expect(validate(toInput(flow, 'stp-quay-02', 'pakn'))).toEqual({ 'contact.phone': 'err.contact.phone' });
  });

  test('nothing chosen sends the person to the comment step with a message', () => {
    const flow = createFlow({ channel: 'qr' });

    expect(checkedInput(flow, 'bt-quay-01', 'rating')).toBeUndefined();
    expect(flow.step.value).toBe('comment');
    expect(flow.errors.value).toEqual({ 'rating|comment': 'err.rating|comment' });
  });

  test('the partial body sent at idle timeout keeps taps, drops unsent text', () => {
    const input = toInput(filledFlow(), 'stp-quay-02', 'rating', true);

    expect(input).toMatchObject({ rating: 2, reasons: ['fees'] });
    expect(input).not.toHaveProperty('comment');
  });

  test('reset clears every field for the next person', () => {
    const flow = filledFlow();
    flow.consent.value = true;
    flow.go('contact');

    flow.reset();

    expect([flow.step.value, flow.rating.value, flow.reasons.value, flow.procedureCode.value, flow.comment.value, flow.name.value, flow.phone.value, flow.consent.value]).toEqual(['rate', undefined, [], '', '', '', '', false]);
    expect(flow.isDirty()).toBe(false);
  });
});
