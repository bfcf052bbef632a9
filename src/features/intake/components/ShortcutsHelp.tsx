// The keyboard shortcuts of the triage page, opened with "?".
import { Kbd, Modal, Table } from '@mantine/core';
import { triageShortcuts } from '../lib/shortcuts';

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" centered>
      <Table>
        <Table.Tbody>
          {triageShortcuts.map((s) => (
            <Table.Tr key={s.action}>
              <Table.Td w={80}>
                {s.keys.map((k) => (
                  <Kbd key={k}>{k}</Kbd>
                ))}
              </Table.Td>
              <Table.Td>{s.action}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
