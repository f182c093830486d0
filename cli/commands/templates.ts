import type { Command } from '../command.js';
import { parse, templateRegistry, UsageError } from '../command.js';
import { KIND_LABELS } from '../../core/common/templates/metadata.js';
import { DISPUTE_LABELS } from '../../core/common/case/labels.js';

export const templatesCommand: Command = {
  name: 'templates',
  usage: `  recours templates [--json]
      Liste les modèles de lettres (identifiant, titre, nature, litiges couverts).`,
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } });
    if (positionals.length > 0) throw new UsageError(`argument en trop « ${positionals[0]} »`);
    const list = (await templateRegistry(io)).templates.map((t) => ({
      id: t.meta.id,
      title: t.meta.title,
      kind: t.meta.kind,
      disputes: t.meta.disputes,
      description: t.meta.description,
    }));
    if (values.json) {
      io.out(JSON.stringify(list, null, 2));
      return 0;
    }
    for (const t of list) {
      const disputes = t.disputes === 'all' ? 'tous les litiges' : t.disputes.map((d) => DISPUTE_LABELS[d]).join(', ');
      io.out(`${t.id}\n  ${t.title} — ${KIND_LABELS[t.kind]}\n  Litiges : ${disputes}`);
    }
    return 0;
  },
};
