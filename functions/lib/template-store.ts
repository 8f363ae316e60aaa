/**
 * Answer templates saved in the inbox: one partition per department (`TEMPLATES#dept`) and one for
 * those the admin shares with every department (`TEMPLATES#all`). Built-in templates stay in
 * shared/templates.ts and are never stored. Removal deletes the item: nothing else refers to a
 * template (a draft holds its own copy of the text).
 */
import { DeleteItemCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { ScopedTemplate } from '#shared/templates';
import { dynamo, tableName } from './dynamo.ts';
import { keys, SHARED_TEMPLATES } from './keys.ts';
import { isConditionFailure, queryAll } from './query.ts';

/** A saved template as stored: `owner` is the department id, or `all` for the shared ones. */
export type SavedTemplate = { id: string; owner: string; title: string; text: string; updatedBy: string; updatedById: string; updatedAt: string; createdAt: string };

/** As the picker lists it (no ids of officials). */
export const scoped = (t: SavedTemplate): ScopedTemplate => ({
  id: t.id,
  title: t.title,
  text: t.text,
  scope: t.owner === SHARED_TEMPLATES ? 'shared' : 'department',
  updatedBy: t.updatedBy,
  updatedAt: t.updatedAt,
});

const fromItem = (item: Record<string, unknown>): SavedTemplate => {
  const { pk, sk, entity, ...template } = item;
  return template as SavedTemplate;
};

/** An owner's saved templates (one Query on its partition; strongly consistent, so a save shows at once). */
export async function listSavedTemplates(owner: string): Promise<SavedTemplate[]> {
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: keys.templatesPartition(owner) } }, ConsistentRead: true });
  return items.map((item) => fromItem(unmarshall(item)));
}

/** One saved template of an owner (one read), or undefined. */
export async function getSavedTemplate(owner: string, templateId: string): Promise<SavedTemplate | undefined> {
  const { Item } = await dynamo().send(new GetItemCommand({ TableName: tableName(), Key: marshall(keys.template(owner, templateId)), ConsistentRead: true }));
  return Item ? fromItem(unmarshall(Item)) : undefined;
}

/**
 * Writes a template: `mode: 'create'` only if its id is new, `'update'` only if it still exists (a
 * removal meanwhile is not undone). Returns false when that condition failed.
 */
export async function putSavedTemplate(template: SavedTemplate, mode: 'create' | 'update'): Promise<boolean> {
  try {
    await dynamo().send(
      new PutItemCommand({
        TableName: tableName(),
        Item: marshall({ ...keys.template(template.owner, template.id), entity: 'template', ...template }),
        ConditionExpression: mode === 'create' ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Removes a saved template; false when there was none. */
export async function deleteSavedTemplate(owner: string, templateId: string): Promise<boolean> {
  try {
    await dynamo().send(new DeleteItemCommand({ TableName: tableName(), Key: marshall(keys.template(owner, templateId)), ConditionExpression: 'attribute_exists(pk)' }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
