// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { NSelect } from 'naive-ui';
import FilterableAttributesFields from '../../../src-renderer/views/connections/parts/filterable-attributes-fields.vue';
import { createRosterI18n } from '../../../src-renderer/locales';

describe('filterable attributes in the SCIM connection form', () => {
  it('keeps a list per object type and leaves the setting out when both are empty', async () => {
    const wrapper = mount(FilterableAttributesFields, {
      props: { modelValue: { users: ['userName'] } },
      global: { plugins: [createRosterI18n('ko')] },
    });
    expect(wrapper.text()).toContain('사용자');
    const [users, groups] = wrapper.findAllComponents(NSelect);
    groups!.vm.$emit('update:value', ['displayName']);
    users!.vm.$emit('update:value', []);
    await wrapper.vm.$nextTick();
    const emitted = wrapper.emitted('update:modelValue') ?? [];
    expect(emitted[0]).toEqual([{ users: ['userName'], groups: ['displayName'] }]);
    expect(emitted[1]).toEqual([undefined]);
    wrapper.unmount();
  });
});
